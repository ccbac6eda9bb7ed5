package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.ClusterProcesses;
import dev.switchboard.HttpSession;
import dev.switchboard.SwitchboardProcess;
import dev.switchboard.TestCertificates;
import dev.switchboard.TestDemoCluster;
import dev.switchboard.WebIT;
import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Switchboard under /switchboard behind Debian's nginx, which ends TLS (a self-signed
 * certificate) and forwards from its own address 127.0.3.1, the only one Switchboard trusts with
 * X-Forwarded-For. In Chromium through https://…/switchboard/: the login, the status page kept
 * live over SSE through nginx, a resource and a monitor page by their links; the audit records
 * the browser's address, not nginx's, and ignores a forged X-Forwarded-For from anyone else.
 */
class ReverseProxyBrowserIT {

    static final String NGINX = "/usr/sbin/nginx";
    static final String PROXY_ADDRESS = "127.0.3.1";
    static final String FORGED = "203.0.113.9";

    @TempDir
    Path dir;

    SwitchboardProcess switchboard;
    Process nginx;
    ChromeDriver browser;

    @AfterEach
    void stopEverything() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (nginx != null) {
            nginx.destroy(); // SIGTERM to its master, which is our own child (daemon off)
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
        if (switchboard != null) {
            switchboard.kill();
        }
        ClusterProcesses.kill(dir.resolve("data")); // the application outlives Switchboard by design
    }

    @Test
    void aViewerWorksThroughNginxOnASubPathAndTheAuditHasTheBrowsersAddress() throws Exception {
        if (!new File(NGINX).canExecute()) {
            throw new IllegalStateException("this test needs " + NGINX + ": apt-get install nginx (.ci/run does)");
        }
        Path data = dir.resolve("data");
        switchboard = new SwitchboardProcess(dir.resolve("switchboard.log"), "--switchboard.data-dir=" + data,
                "--switchboard.cluster.location=" + TestDemoCluster.write().toAbsolutePath(),
                "--server.servlet.context-path=/switchboard", "--switchboard.proxy.trusted=" + PROXY_ADDRESS,
                "--switchboard.security.accounts[0].name=viewer",
                "--switchboard.security.accounts[0].password-hash={bcrypt}$2a$04$y8wNqfmfqouoAgta6Nqb4esjbOWbP87w5vOZjH20M.qAHAT38FOuC",
                "--switchboard.security.accounts[0].role=VIEWER",
                "--switchboard.security.accounts[1].name=admin",
                "--switchboard.security.accounts[1].password-hash={bcrypt}$2a$04$MdnJqP/w2eRzcd5CzvzlruAM76psp2BI2VNq8ccwKVRMSWcuX4gmq",
                "--switchboard.security.accounts[1].role=ADMIN").start();
        String direct = switchboard.url("/switchboard");
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() ->
                new HttpSession(direct).get("/login").statusCode() == 200);
        int port = startNginx(switchboard.url("").replace("http://", ""));
        String base = "https://127.0.0.1:" + port + "/switchboard";

        browser = Chromium.start("en", true);
        Chromium.logIn(browser, base, "viewer", WebIT.VIEWER_PASSWORD);
        assertThat(browser.getCurrentUrl()).startsWith(base + "/");
        await().atMost(Duration.ofSeconds(60)).until(() -> "srv1".equals(pictureServer())
                && "✔ Online".equals(Chromium.text(browser, "[data-resource='exec1'] .resource-state")));
        awaitLiveStream();
        browser.executeScript("window.sameDocument = 'yes'");

        long pid = Long.parseLong(Files.readString(data.resolve(
                "servers/srv1/usr/local/jcclweb/run/clweb_serv.pid")).trim());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // kill -9: the group fails over to srv2
        await().atMost(Duration.ofSeconds(30)).until(() -> "srv2".equals(pictureServer()));
        assertThat(browser.executeScript("return window.sameDocument")).as("updated live, no reload").isEqualTo("yes");

        follow("a.resource[data-resource='exec1']");
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/resources/exec1");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("exec1 (exec)");
        browser.get(base + "/");
        follow("a.monitor[data-monitor='psw1']");
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/monitors/psw1");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("psw1");

        String forgedStatus = forgedLogin(direct);
        String logins = HttpSession.basic(direct + "/api/v1/audit?action=login&limit=50", "GET", "admin",
                WebIT.ADMIN_PASSWORD).body();
        assertThat(sourceOf(logins, "viewer")).as("the browser's address from nginx's X-Forwarded-For, not nginx's "
                + PROXY_ADDRESS + ": " + logins).isEqualTo("127.0.0.1");
        assertThat(sourceOf(logins, "(unknown name)")).as("the forged login (" + forgedStatus + ") from an untrusted address: "
                + logins).isEqualTo("127.0.0.1");
        assertThat(logins).doesNotContain(FORGED, PROXY_ADDRESS);
    }

    /** nginx on a free loopback port, with its own configuration, prefix, pid file and logs in the test's directory. */
    private int startNginx(String upstream) throws Exception {
        TestCertificates.Issued certificate = TestCertificates.selfSigned(dir, "nginx");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        String conf = """
                daemon off;
                worker_processes 1;
                %s
                pid %s/nginx.pid;
                error_log %s/error.log info;
                events { worker_connections 64; }
                http {
                  access_log %s/access.log;
                  client_body_temp_path %s/body;
                  proxy_temp_path %s/proxy;
                  fastcgi_temp_path %s/fastcgi;
                  uwsgi_temp_path %s/uwsgi;
                  scgi_temp_path %s/scgi;
                  server {
                    listen 127.0.0.1:%d ssl;
                    ssl_certificate %s;
                    ssl_certificate_key %s;
                    location /switchboard/ {
                      proxy_pass http://%s;
                      proxy_bind %s;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_set_header X-Forwarded-Port $server_port;
                      proxy_buffering off;
                      proxy_read_timeout 1h;
                    }
                  }
                }
                """.formatted("root".equals(System.getProperty("user.name")) ? "user root;" : "",
                prefix, prefix, prefix, prefix, prefix, prefix, prefix, prefix, port,
                certificate.certificate().toAbsolutePath(), certificate.key().toAbsolutePath(), upstream, PROXY_ADDRESS);
        Path file = Files.writeString(prefix.resolve("nginx.conf"), conf);
        nginx = new ProcessBuilder(NGINX, "-e", prefix.resolve("error.log").toString(), "-p", prefix.toString(),
                "-c", file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(prefix.resolve("stdout.log").toFile())).start();
        int listening = port;
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            if (!nginx.isAlive()) {
                throw new AssertionError("nginx stopped: " + Files.readString(prefix.resolve("error.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", listening), 200);
                return true;
            }
        });
        return port;
    }

    /** A failed login straight to Switchboard (not through nginx) that claims to come from {@link #FORGED}. */
    private static String forgedLogin(String direct) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(direct + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
        String form = "username=forger&password=wrong-password-1&_csrf=" + URLEncoder.encode(csrf.group(1),
                StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create(direct + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", FORGED)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode() + "";
    }

    /** The source of the newest login event of {@code actor} ("(unknown name)" for a name that is no account). */
    private static String sourceOf(String auditJson, String actor) {
        Matcher m = Pattern.compile("\\{[^{}]*\"actor\":\"" + Pattern.quote(actor) + "\"[^{}]*\\}").matcher(auditJson);
        assertThat(m.find()).as("a login of " + actor + " in " + auditJson).isTrue();
        Matcher source = Pattern.compile("\"source\":\"([^\"]*)\"").matcher(m.group());
        return source.find() ? source.group(1) : null;
    }

    /** Opens a link of the page as the browser resolves it, from its own href. */
    private void follow(String css) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Chromium.attribute(browser, css, "href") != null);
        String href = Chromium.attribute(browser, css, "href");
        assertThat(href).as("a link under the sub-path").startsWith("/switchboard/");
        browser.executeScript("window.location.href = new URL(arguments[0], window.location.href).href", href);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith(href)
                && "complete".equals(browser.executeScript("return document.readyState")));
    }

    private String pictureServer() {
        return Chromium.attribute(browser, "svg.group-picture[data-group='failover-clweb']", "data-server");
    }

    /** A message over SSE (a heartbeat comes every 5 s) proves the stream is open through nginx. */
    private void awaitLiveStream() {
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(browser.executeScript(
                "return typeof htmx !== 'undefined'")));
        browser.executeScript("window.sseMessages = 0;"
                + "document.body.addEventListener('htmx:sseMessage', function () { window.sseMessages++; });");
        await().atMost(Duration.ofSeconds(15)).until(() -> ((Number) browser.executeScript(
                "return window.sseMessages")).intValue() > 0);
    }
}
