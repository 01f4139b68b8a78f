package dev.paydeck.shared.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Writes CSV as RFC 4180 says: fields separated by commas, rows ended by CRLF, a field quoted (its quotes doubled) when
 * it holds a comma, a quote or a line break. A text a spreadsheet would run as a formula (one starting with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, as OWASP advises against CSV injection;
 * numbers and phone numbers ({@code -12.50}, {@code +44 20 7946 0000}) are written as they are. Rows go out as they are written, so an export of any size is streamed.
 */
public final class CsvWriter {

    /** Numbers and phone numbers: a spreadsheet may compute them, but they can call no function. */
    private static final Pattern NUMERIC = Pattern.compile("[+-]?[0-9][0-9 ().-]*");

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /**
     * A CSV download: the response's type ({@code text/csv}, UTF-8, with a byte order mark so that spreadsheets read
     * accents right) and its file name, and a writer on its body.
     */
    public static CsvWriter download(HttpServletResponse response, String filename) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        response.setHeader("Cache-Control", "no-store");
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(),
                    StandardCharsets.UTF_8), 16 * 1024);
            writer.write('\uFEFF');
            return new CsvWriter(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row; a null field is an empty one. */
    public CsvWriter row(Object... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields[i]));
            }
            out.write("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMERIC.matcher(text).matches()) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
