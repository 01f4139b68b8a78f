package dev.paydeck.platform.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page's words come from the message bundles, in English, Spanish and French alike: a key missing in one
 * language, or a template asking for a key no bundle has, fails here (not as {@code ??key_fr??} on a page).
 */
class MessageBundlesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final List<String> BUNDLES = List.of("messages.properties", "messages_es.properties",
            "messages_fr.properties");
    /** The mails' own bundle, in the same three languages. */
    private static final List<String> MAIL_BUNDLES = List.of("mail/messages.properties",
            "mail/messages_es.properties", "mail/messages_fr.properties");

    /** {@code #{key}} and {@code #{key(args)}}: a key written out. */
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");
    /** {@code #{${'prefix.' + expression}}}: a key made from a prefix and a value (a status, a mode). */
    private static final Pattern COMPUTED_KEY = Pattern.compile("#\\{\\$\\{'([A-Za-z0-9_.-]+)'\\s*\\+");

    @Test
    void everyLanguageHasEveryKey() {
        for (List<String> family : List.of(BUNDLES, MAIL_BUNDLES)) {
            Map<String, Set<String>> keys = new TreeMap<>();
            family.forEach(bundle -> keys.put(bundle, load(bundle).stringPropertyNames()));
            Set<String> all = keys.values().stream().flatMap(Set::stream)
                    .collect(Collectors.toCollection(TreeSet::new));
            keys.forEach((bundle, present) -> assertThat(present)
                    .as("keys missing in %s", bundle)
                    .containsAll(all));
        }
    }

    @Test
    void noMessageIsEmpty() {
        BUNDLES.forEach(bundle -> load(bundle).forEach((key, value) ->
                assertThat(value.toString().strip()).as("%s in %s", key, bundle).isNotEmpty()));
    }

    @Test
    void everyKeyATemplateUsesIsInTheBundles() throws IOException {
        Set<String> known = load("messages.properties").stringPropertyNames();
        Map<String, String> used = new TreeMap<>();
        Map<String, String> prefixes = new TreeMap<>();
        // Mails have their own bundle (mail/messages): their templates are checked against it below.
        Path mails = RESOURCES.resolve("templates").resolve("mail");
        Set<String> mailKeys = load("mail/messages.properties").stringPropertyNames();
        try (Stream<Path> mailTemplates = Files.walk(mails)) {
            for (Path template : mailTemplates.filter(file -> file.toString().endsWith(".html")).toList()) {
                Map<String, String> mailUsed = new TreeMap<>();
                collect(LITERAL_KEY.matcher(Files.readString(template)), mailUsed, template);
                mailUsed.forEach((key, where) -> assertThat(mailKeys).as("#{%s} in %s", key, where).contains(key));
            }
        }
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(file -> file.toString().endsWith(".html"))
                    .filter(file -> !file.startsWith(mails)).toList()) {
                String text = Files.readString(template);
                collect(LITERAL_KEY.matcher(text), used, template);
                collect(COMPUTED_KEY.matcher(text), prefixes, template);
            }
        }
        assertThat(used).as("templates use message keys").isNotEmpty();
        used.forEach((key, template) -> assertThat(known).as("#{%s} in %s", key, template).contains(key));
        prefixes.forEach((prefix, template) -> assertThat(known).as("keys starting %s (used in %s)", prefix, template)
                .anyMatch(key -> key.startsWith(prefix)));
    }

    /** Keys made from a value need every value's key: Stripe modes, key checks, webhook and event states. */
    @Test
    void everyStateShownInPlainWordsHasItsWords() {
        Set<String> known = load("messages.properties").stringPropertyNames();
        Stream.of("sandbox", "test", "live").forEach(mode -> assertThat(known)
                .contains("mode." + mode, "mode." + mode + ".explained"));
        Stream.of("unchecked", "valid", "invalid", "permission_missing", "unreachable")
                .forEach(status -> assertThat(known).contains("organization.check." + status));
        Stream.of("not_registered", "registered", "manual_required", "manual_secret", "failed")
                .forEach(status -> assertThat(known).contains("organization.webhook." + status));
        Stream.of("RECEIVED", "PROCESSING", "PROCESSED", "FAILED", "IGNORED")
                .forEach(status -> assertThat(known).contains("webhooks.status." + status));
    }

    /**
     * A message with arguments, and every field error, is read by MessageFormat, which drops a lone {@code '}: such
     * messages write the typographic ’ (or {@code ''}).
     */
    @Test
    void messagesReadByMessageFormatHaveNoLoneApostrophe() {
        Pattern loneApostrophe = Pattern.compile("(?<!')'(?!')");
        BUNDLES.forEach(bundle -> load(bundle).forEach((key, value) -> {
            String message = value.toString();
            boolean formatted = message.contains("{0") || Character.isUpperCase(key.toString().charAt(0))
                    || key.toString().startsWith("used.") || key.toString().startsWith("invalid.")
                    || key.toString().startsWith("required.");
            if (formatted) {
                assertThat(loneApostrophe.matcher(message).find()).as("%s in %s: %s", key, bundle, message).isFalse();
            }
        }));
    }

    private static void collect(Matcher matcher, Map<String, String> into, Path template) {
        while (matcher.find()) {
            into.putIfAbsent(matcher.group(1), RESOURCES.relativize(template).toString());
        }
    }

    private static Properties load(String bundle) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(bundle), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
