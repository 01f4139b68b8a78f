package dev.paydeck.support;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * axe-core (Deque's accessibility engine, vendored under test resources) run on a page: what it finds serious or
 * critical against WCAG 2 A/AA.
 */
public final class Axe {

    private static final String SCRIPT = script();
    private static final String RUN = """
            async () => {
              const result = await axe.run(document, {runOnly: {type: 'tag',
                  values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']});
              return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
            }""";

    private Axe() {
    }

    /** The serious and critical violations on the page as it is now, each with where it is. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(SCRIPT));
        return (List<String>) page.evaluate(RUN);
    }

    private static String script() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
