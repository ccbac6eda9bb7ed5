package dev.switchboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.HttpSession;
import dev.switchboard.WebIT;
import dev.switchboard.engine.ClusterEngine;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An operator on Japanese pages moves the group through the confirmation form: the operation's
 * page shows the verified result in Japanese, the record and the API keep it in English, and the
 * API answers it in Japanese to a client that asks for Japanese.
 */
class JapaneseOperationResultIT extends WebIT {

    private static final Pattern RESULT = Pattern.compile("<dd class=\"result\">([^<]*)</dd>");

    @Autowired
    ClusterEngine engine;

    @Autowired
    Operations operations;

    @BeforeEach
    @AfterEach
    void groupHome() {
        groupHome(engine);
    }

    @Test
    void aMovesResultReadsInJapaneseOnAJapanesePage() {
        HttpSession operator = new HttpSession(url(""));
        operator.login("operator", OPERATOR_PASSWORD);
        operator.get("/?lang=ja");

        operator.get("/operations/new?kind=MOVE_GROUP&subject=failover-clweb&target=srv2");
        HttpResponse<String> noReason = operator.post("/operations", "kind=MOVE_GROUP&subject=failover-clweb"
                + "&target=srv2&reason=&confirmation=failover-clweb&acknowledge=true", true);
        assertThat(operator.get(path(noReason)).body()).as("the flash error in Japanese")
                .contains("data-error=\"operation.error.reason\"", "理由を入力してください。監査ログに記録されます。");

        HttpResponse<String> submitted = operator.post("/operations", "kind=MOVE_GROUP&subject=failover-clweb"
                + "&target=srv2&reason=CHG-ja&confirmation=failover-clweb&acknowledge=true", true);
        String path = path(submitted);
        assertThat(path).matches("/operations/[0-9a-f-]{36}");
        String page = operator.finishedOperation(path, Duration.ofSeconds(40));

        assertThat(result(page)).startsWith("srv2 で Online。確認済み: " + FIP + "/ が 200 で「")
                .contains("と応答し、モニタは Normal。クライアントから見た停止時間 ").endsWith(" 秒")
                .doesNotContain("Online on", "verified", "client-visible");

        Operation recorded = operations.find(path.substring("/operations/".length())).orElseThrow();
        assertThat(recorded.message()).as("the record keeps the English").startsWith("Online on srv2; verified: ")
                .contains("client-visible outage");
        assertThat(recorded.resultText().key()).isEqualTo("operation.result.moved");

        String api = "/api/v1/operations/" + recorded.id();
        assertThat(apiGet(api, null)).contains("\"message\":\"Online on srv2; verified: ");
        assertThat(apiGet(api, "ja")).contains("\"message\":\"srv2 で Online。確認済み: ")
                .doesNotContain("client-visible");
    }

    private String apiGet(String path, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("operator:" + OPERATOR_PASSWORD).getBytes()));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HttpSession.plain(request.build()).body();
    }

    private static String result(String page) {
        Matcher m = RESULT.matcher(page);
        assertThat(m.find()).as("a result on %s", page).isTrue();
        return m.group(1);
    }

    private static String path(HttpResponse<String> redirect) {
        return redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }
}
