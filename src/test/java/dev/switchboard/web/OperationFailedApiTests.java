package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Translatable;
import dev.switchboard.engine.OperationFailed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * An engine's failure reaching the API (an operation that ran and did not reach its goal) is 500 in
 * the vendor envelope with the engine's own words in the client's language, not Switchboard's
 * "could not answer" nor a stack trace.
 */
class OperationFailedApiTests {

    private final ApiErrors errors = new ApiErrors(ApiErrorsTests.messages());

    private static final OperationFailed FAILED = new OperationFailed(Translatable.of("engine.failed.stopGroup", "g",
            Translatable.of("engine.resource.serviceNotRunning", "exec1", "srv1"), "srv1"));

    @Test
    void anEngineFailureIs500WithItsEnglishWords() {
        ResponseEntity<Map<String, Object>> response = errors.handle(FAILED, ApiErrorsTests.english());

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody()).isEqualTo(Map.of("result", Map.of("code", 9, "message",
                "Stopping group 'g' failed: the service exec1 is not running on srv1. The group is Offline Failure on srv1.")));
    }

    @Test
    void andInJapaneseForAJapaneseClient() {
        ApiErrors.Answer ja = errors.answer(FAILED, ApiErrorsTests.japanese());

        assertThat(ja.status().value()).isEqualTo(500);
        assertThat(ja.message()).startsWith("グループ「g」の停止に失敗しました").doesNotContain("Stopping", "Exception");
    }

    @Test
    void anEnglishOnlyFailureKeepsItsWords() {
        assertThat(errors.answer(new OperationFailed("the disk is gone"), ApiErrorsTests.japanese()).message())
                .isEqualTo("the disk is gone");
    }
}
