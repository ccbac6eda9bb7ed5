package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.Translatable;
import dev.switchboard.engine.GroupBusy;
import dev.switchboard.engine.NameNotFound;
import dev.switchboard.engine.OperationNotAllowed;
import org.junit.jupiter.api.Test;

/** Engine refusals through the API's one error handler: by their message key, in the language the client asks for. */
class EngineRefusalsApiTests {

    private final ApiErrors errors = new ApiErrors(ApiErrorsTests.messages());

    @Test
    void anUnknownNameIs404InTheClientsLanguage() {
        ApiErrors.Answer ja = errors.answer(new NameNotFound("resource", "exec9"), ApiErrorsTests.japanese());

        assertThat(ja.status().value()).isEqualTo(404);
        assertThat(ja.message()).isEqualTo("リソース「exec9」はありません。");
        assertThat(errors.answer(new NameNotFound("resource", "exec9"), ApiErrorsTests.english()).message())
                .isEqualTo("There is no resource named 'exec9'.");
    }

    @Test
    void aBusyGroupAndAStandbyServerAre409InJapanese() {
        assertThat(errors.answer(new GroupBusy("g", Translatable.of("engine.operation.move", "g")),
                ApiErrorsTests.japanese()).message()).isEqualTo(
                "グループ「g」は操作中です（g の移動を実行しています）。終わるまでお待ちください。");
        ApiErrors.Answer standby = errors.answer(new OperationNotAllowed(Translatable.of(
                "engine.refused.serverInStandby", "srv1")), ApiErrorsTests.japanese());
        assertThat(standby.status().value()).isEqualTo(409);
        assertThat(standby.message()).isEqualTo("サーバ srv1 はスタンバイ中で、グループを動かしません。先にオンラインに戻してください。");
    }

    @Test
    void withoutAcceptLanguageTheMessageIsTheEnglishTheReadmeDocuments() {
        assertThat(errors.answer(new OperationNotAllowed(Translatable.of("engine.refused.alreadyRunsOn", "g", "srv1")),
                ApiErrorsTests.english()).message()).isEqualTo("Group 'g' already runs on srv1.");
    }
}
