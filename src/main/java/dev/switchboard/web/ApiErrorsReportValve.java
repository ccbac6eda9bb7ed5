package dev.switchboard.web;

import dev.switchboard.ApiEnvelope;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own error answer, for the errors it raises before the application sees the request (an
 * address it cannot decode, such as /api/v1/groups/%ZZ, never reaches /error): for /api/ the
 * envelope from {@link ApiErrors}, elsewhere Tomcat's bare page, as Boot configures it.
 */
class ApiErrorsReportValve extends ErrorReportValve {

    private final ApiErrors api;

    ApiErrorsReportValve(ApiErrors api) {
        this.api = api;
        setShowReport(false); // Boot's settings: no stack trace, no server version
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (!ApiErrorsBeforeController.isApi(request.getRequestURI(), "") || status < 400
                || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        ApiErrors.Answer answer = api.beforeController(throwable, status, request);
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ApiEnvelope.json(answer.status().value(), answer.message()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer has started: nothing more to say
        }
    }

    /** Puts the valve in place of the ErrorReportValve Boot gives Tomcat's host. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        private final ApiErrors api;

        Installer(ApiErrors api) {
            this.api = api;
        }

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ApiErrorsReportValve(api));
                // the host adds a default ErrorReportValve at start unless one of this class is there
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ApiErrorsReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE; // after Boot's customizer, which adds its own valve
        }
    }
}
