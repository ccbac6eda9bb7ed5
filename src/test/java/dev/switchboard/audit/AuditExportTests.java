package dev.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.audit.AuditExport.Format;
import org.junit.jupiter.api.Test;

class AuditExportTests {

    @Test
    void aMissingValueIsAnEmptyCell() {
        assertThat(AuditExport.cell(null)).isEmpty();
        assertThat(AuditExport.cell("")).isEmpty();
    }

    @Test
    void plainTextStaysAsItIs() {
        assertThat(AuditExport.cell("moved failover-clweb to srv2")).isEqualTo("moved failover-clweb to srv2");
        assertThat(AuditExport.cell("サーバー切替")).isEqualTo("サーバー切替");
    }

    @Test
    void aValueThatStartsLikeAFormulaGetsAnApostrophe() {
        assertThat(AuditExport.cell("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK(");
        assertThat(AuditExport.cell("+1")).isEqualTo("'+1");
        assertThat(AuditExport.cell("-1")).isEqualTo("'-1");
        assertThat(AuditExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditExport.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(AuditExport.cell("a=b")).as("only the first character counts").isEqualTo("a=b");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
        assertThat(AuditExport.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditExport.cell("line 1\nline 2")).isEqualTo("\"line 1\nline 2\"");
    }

    @Test
    void aFormulaWithACommaIsBothDefusedAndQuoted() {
        assertThat(AuditExport.cell("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(AuditExport.cell("\r\n")).isEqualTo("\"'\r\n\"");
    }

    @Test
    void theFormatIsChosenByItsExtension() {
        assertThat(Format.of("csv")).isEqualTo(Format.CSV);
        assertThat(Format.of("json").contentType).isEqualTo("application/json");
        AuditFilter.Invalid e = catchThrowableOfType(AuditFilter.Invalid.class, () -> Format.of("xlsx"));
        assertThat(e.parameter()).isEqualTo("format");
        assertThat(e.getMessage()).isEqualTo("format: “xlsx” is not an export format; use csv or json");
    }
}
