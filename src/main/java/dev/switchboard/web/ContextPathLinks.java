package dev.switchboard.web;

import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Links ({@code @{/resources/…}}) in pages rendered outside a request, such as the status picture
 * pushed over SSE, start with the context path too (server.servlet.context-path, e.g.
 * /switchboard behind a reverse proxy): Thymeleaf knows it only from a request.
 */
@Configuration(proxyBeanMethods = false)
class ContextPathLinks {

    @Bean
    static BeanPostProcessor contextPathLinksInPushedPages(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof SpringTemplateEngine engine) {
                    engine.setLinkBuilder(new Builder(environment.getProperty("server.servlet.context-path", "")));
                }
                return bean;
            }
        };
    }

    static final class Builder extends StandardLinkBuilder {

        private final String contextPath;

        Builder(String contextPath) {
            this.contextPath = contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1)
                    : contextPath;
        }

        @Override
        protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
            return context instanceof IWebContext ? super.computeContextPath(context, base, parameters) : contextPath;
        }
    }
}
