package dev.paydeck.platform.mail;

import dev.paydeck.platform.MailMessage;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Renders mails from {@code templates/mail/<name>.txt} (first line: the subject; then the plain-text body) and
 * {@code templates/mail/<name>.html}, with the strings of the {@code mail/messages} bundle. An engine of its own, so
 * mails never depend on a web request and their strings stay apart from the pages' bundle.
 */
@Component
class MailTemplates {

    /** A mail ready to send. */
    record Rendered(String subject, String text, String html) {
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("mail/messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        engine.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    Rendered render(MailMessage message) {
        Context context = new Context(message.locale(), message.variables());
        String text = engine.process(message.template() + ".txt", context).strip();
        int endOfSubject = text.indexOf('\n');
        if (endOfSubject < 0) {
            throw new IllegalStateException("The mail template " + message.template()
                    + ".txt needs a subject line and a body");
        }
        String html = engine.process(message.template() + ".html", context);
        return new Rendered(text.substring(0, endOfSubject).strip(), text.substring(endOfSubject + 1).strip() + "\n",
                html);
    }
}
