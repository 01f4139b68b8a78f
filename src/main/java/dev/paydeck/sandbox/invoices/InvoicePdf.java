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
 */
@Component
class InvoicePdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final ITemplateEngine templates;

    InvoicePdf(ITemplateEngine templates) {
        this.templates = templates;
        // openhtmltopdf tells every step of every PDF at INFO on its own console logger: only its warnings matter.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    byte[] render(InvoiceDocument invoice, Locale locale) {
        String html = templates.process("sandbox/invoice-pdf", new Context(locale, Map.of("invoice", invoice)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> PDDocument.class.getResourceAsStream(FONT), "Liberation Sans");
            builder.withHtmlContent(html, invoice.hostedUrl());
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the PDF of invoice " + invoice.id(), e);
        }
        return out.toByteArray();
    }
}
