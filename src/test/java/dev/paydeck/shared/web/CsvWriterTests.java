package dev.paydeck.shared.web;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTests {

    private static String written(Object... fields) {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(fields).flush();
        return out.toString();
    }

    @Test
    void fieldsAreSeparatedByCommasAndRowsEndWithCrLf() {
        assertThat(written("id", 12.50, null, "usd")).isEqualTo("id,12.5,,usd\r\n");
    }

    @Test
    void aFieldWithACommaAQuoteOrALineBreakIsQuoted() {
        assertThat(written("Smith, Jane", "the \"best\" shop", "two\nlines"))
                .isEqualTo("\"Smith, Jane\",\"the \"\"best\"\" shop\",\"two\nlines\"\r\n");
    }

    @Test
    void aTextASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(written("=HYPERLINK(\"http://evil\")", "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3+cmd"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\",'+cmd|' /C calc'!A0,'@SUM(A1),'-2+3+cmd\r\n");
    }

    @Test
    void numbersAndPhoneNumbersAreWrittenAsTheyAre() {
        assertThat(written("-12.50", "-3", "+44 20 7946 0000", "+1 (555) 010-0199"))
                .isEqualTo("-12.50,-3,+44 20 7946 0000,+1 (555) 010-0199\r\n");
    }
}
