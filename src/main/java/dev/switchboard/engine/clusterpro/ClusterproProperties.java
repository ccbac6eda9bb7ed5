package dev.switchboard.engine.clusterpro;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach a CLUSTERPRO X / EXPRESSCLUSTER X cluster's REST API
 * (switchboard.engine.type=clusterpro). The password never appears in {@link #toString()}, in
 * logs or in messages.
 *
 * @param urls             the servers' API base URLs ({@code https://<server>:29009}), tried in
 *                         order when one does not answer; the one that answered is asked first after
 * @param username         the API account (an OS account of the servers, e.g. root)
 * @param password         its password; prefer {@code passwordFile}
 * @param passwordFile     a file holding the password (its first line)
 * @param caBundle         PEM file of the CAs (or the self-signed certificate) trusted for HTTPS;
 *                         none: the JVM's trust store. Never trust-all.
 * @param connectTimeout   how long a connection to one server may take before the next URL is tried
 * @param requestTimeout   how long one request may take
 * @param pollInterval     how often the cluster is read for live updates
 * @param operationTimeout how long a start, stop or move may take; none: derived per group
 *                         ({@link ClusterproWaits#timeoutFor})
 * @param commandPrefix    words put before a command to run it on a server, {@code {node}}
 *                         replaced by the server's name (e.g. ssh,root@{node}); empty: no server access
 * @param commandTimeout   how long such a command may take when the caller gives no timeout
 */
@ConfigurationProperties("switchboard.clusterpro")
public record ClusterproProperties(@DefaultValue List<URI> urls, @Nullable String username, @Nullable String password,
                                   @Nullable Path passwordFile, @Nullable Path caBundle,
                                   @DefaultValue("5s") Duration connectTimeout,
                                   @DefaultValue("30s") Duration requestTimeout,
                                   @DefaultValue("2s") Duration pollInterval,
                                   @Nullable Duration operationTimeout,
                                   @DefaultValue List<String> commandPrefix,
                                   @DefaultValue("15s") Duration commandTimeout) {

    public ClusterproProperties {
        urls = List.copyOf(urls);
        for (URI url : urls) {
            if (url.getRawUserInfo() != null) {
                // the URL is logged and shown on pages: its password must never get there
                throw new IllegalStateException("switchboard.clusterpro.urls: " + redacted(url) + " holds a user name "
                        + "and password; remove user:password from switchboard.clusterpro.urls; set "
                        + "switchboard.clusterpro.username and switchboard.clusterpro.password-file.");
            }
        }
        commandPrefix = List.copyOf(commandPrefix);
    }

    /**
     * The password, from {@code password} or the first line of {@code passwordFile}; null when no
     * account is set (then requests go without credentials).
     *
     * @throws IllegalStateException naming the setting, the problem and the fix
     */
    @Nullable
    String secret() {
        if (password != null && passwordFile != null) {
            throw new IllegalStateException("switchboard.clusterpro.password and switchboard.clusterpro.password-file "
                    + "are both set; keep only password-file.");
        }
        if (passwordFile != null) {
            try {
                return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new IllegalStateException("switchboard.clusterpro.password-file: cannot read " + passwordFile
                        + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); make it readable by the "
                        + "user that runs Switchboard, or correct the path.");
            }
        }
        if (password == null && username != null && !username.isEmpty()) {
            throw new IllegalStateException("switchboard.clusterpro.username is set but no password: set "
                    + "switchboard.clusterpro.password-file to a file holding the password of " + username + ".");
        }
        return password;
    }

    private static String redacted(URI url) {
        return url.toString().replace(url.getRawUserInfo() + "@", "***@");
    }

    /** Without the password, which must never be logged. */
    @Override
    public String toString() {
        return "ClusterproProperties[urls=" + urls + ", username=" + username + ", password="
                + (password == null ? "none" : "(hidden)") + ", passwordFile=" + passwordFile + ", caBundle=" + caBundle
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", pollInterval="
                + pollInterval + ", operationTimeout=" + operationTimeout + ", commandPrefix=" + commandPrefix
                + ", commandTimeout=" + commandTimeout + "]";
    }
}
