package dev.paydeck.sandbox.invoices;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

/**
 * An invoice as a PDF: the Thymeleaf template {@code sandbox/invoice-pdf} (well-formed XHTML and print CSS, with the
 * page's strings in the reader's language) laid out by openhtmltopdf onto PDFBox. Text is set in Liberation Sans,
 * which PDFBox ships, embedded so the PDF reads the same everywhere and carries any Latin, Greek or Cyrillic name.
 * Other billing documents (a credit note's) are laid out the same way from templates of their own ({@link #render(
 * String, Map, String, Locale)}).
 */
@Component
public class InvoicePdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final ITemplateEngine templates;

    InvoicePdf(ITemplateEngine templates) {
        this.templates = templates;
        // openhtmltopdf tells every step of every PDF at INFO on its own console logger: only its warnings matter.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    byte[] render(InvoiceDocument invoice, Locale locale) {
        return render("sandbox/invoice-pdf", Map.of("invoice", invoice), invoice.hostedUrl(), locale);
    }

    /**
     * The Thymeleaf template (well-formed XHTML) with the variables, for a reader of the language, as a PDF;
     * {@code baseUri} resolves relative addresses (null: none).
     */
    public byte[] render(String template, Map<String, Object> variables, String baseUri, Locale locale) {
        String html = templates.process(template, new Context(locale, variables));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> PDDocument.class.getResourceAsStream(FONT), "Liberation Sans");
            builder.withHtmlContent(html, baseUri);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the PDF of " + template, e);
        }
        return out.toByteArray();
    }
}
