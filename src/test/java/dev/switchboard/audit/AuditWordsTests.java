package dev.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How text becomes the words of the index, a search the words to look up, and their keys. */
class AuditWordsTests {

    @Test
    void wordsAreRunsOfLettersAndDigitsInLowerCaseEachOnce() {
        assertThat(AuditWords.of("move-group failover-clweb → srv2; reason: CHG-4711 Kernel", null, "clweb_serv*"))
                .containsExactly("move", "group", "failover", "clweb", "srv2", "reason", "chg", "4711", "kernel",
                        "serv");
    }

    @Test
    void cjkTextIsIndexedByEachCharacterAndEachPairOfNeighbours() {
        assertThat(AuditWords.of("理由: 定期メンテナンス")).containsExactlyInAnyOrder("理", "由", "理由", "定", "期",
                "定期", "メ", "期メ", "ン", "メン", "テ", "ンテ", "ナ", "テナ", "ナン", "ス", "ンス");
    }

    @Test
    void aSearchLooksUpItsWordsAndCjkTextByItsPairs() {
        assertThat(AuditWords.lookups("CHG-4711 chg")).containsExactly("chg", "4711");
        assertThat(AuditWords.lookups("メンテ")).containsExactly("メン", "ンテ");
        assertThat(AuditWords.lookups("期")).containsExactly("期");
        assertThat(AuditWords.lookups("→ *")).isEmpty();
    }

    @Test
    void aKeyHoldsTheEventIdUnderTheWordsHashAndAWordsKeysAreOneRange() {
        long key = AuditWords.key("kernel", 4711);
        assertThat(key & AuditWords.ID_MASK).isEqualTo(4711);
        assertThat(key).isPositive().isBetween(AuditWords.firstKey("kernel"), AuditWords.lastKey("kernel"));
        assertThat(AuditWords.key("kernel", AuditWords.ID_MASK)).isEqualTo(AuditWords.lastKey("kernel"));
        assertThat(AuditWords.firstKey("kernel")).as("a fixed hash: the index is kept on disk")
                .isEqualTo(AuditWords.firstKey(new String("kernel"))).isNotEqualTo(AuditWords.firstKey("patch"));
    }

    @Test
    void aSearchStandsAsWholeWordsExceptAtCjkEnds() {
        assertThat("xkernel").doesNotContainPattern(AuditWords.wholeWords("kernel"));
        assertThat("kernels").doesNotContainPattern(AuditWords.wholeWords("kernel"));
        assertThat("a Kernel patch").containsPattern(AuditWords.wholeWords("KERNEL"));
        assertThat("定期kernel").containsPattern(AuditWords.wholeWords("kernel"));
        assertThat("理由: x").containsPattern(AuditWords.wholeWords("由: x"));
        assertThat(AuditWords.wholeWords("→ メンテ")).isNull();
    }
}
