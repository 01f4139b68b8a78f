package dev.paydeck.sandbox.api;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A request's parameters (query string and form body alike, as Stripe reads both) as nested maps and lists. The
 * servlet container has already split them into flat {@code a[b][0]=x} pairs; {@link FormDecoder} nests them.
 */
final class RequestForm {

    private RequestForm() {
    }

    static Map<String, Object> decode(HttpServletRequest request) {
        StringBuilder form = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                if (!form.isEmpty()) {
                    form.append('&');
                }
                form.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return FormDecoder.decode(form.toString());
    }
}
