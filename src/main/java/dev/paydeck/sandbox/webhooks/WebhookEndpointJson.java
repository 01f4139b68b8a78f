package dev.paydeck.sandbox.webhooks;

import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.Ids;
import dev.paydeck.sandbox.api.StripeError;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A webhook endpoint as Stripe renders it, and how create/update parameters change it. The signing secret is kept
 * in the internal field {@code _secret}: Stripe shows {@code secret} in the create response only.
 */
final class WebhookEndpointJson {

    static final String SECRET = "_secret";

    private WebhookEndpointJson() {
    }

    static ObjectNode create(ObjectNode endpoint) {
        endpoint.putNull("api_version");
        endpoint.putNull("application");
        endpoint.putNull("description");
        endpoint.putArray("enabled_events");
        endpoint.put("livemode", false);
        endpoint.putObject("metadata");
        endpoint.put("status", "enabled");
        endpoint.put("url", "");
        endpoint.put(SECRET, "whsec_" + Ids.random(32));
        return endpoint;
    }

    /** Applies {@code url}, {@code enabled_events}, {@code description}, {@code metadata}, {@code disabled}. */
    static void apply(ObjectNode endpoint, Map<String, Object> params) {
        if (params.containsKey("url")) {
            endpoint.put("url", checkUrl((String) params.get("url")));
        }
        if (params.containsKey("enabled_events")) {
            ArrayNode events = endpoint.putArray("enabled_events");
            checkEvents(params.get("enabled_events")).forEach(events::add);
        }
        if (params.containsKey("description")) {
            String description = (String) params.get("description");
            if (description == null) {
                endpoint.putNull("description");
            } else {
                endpoint.put("description", description);
            }
        }
        if (params.containsKey("metadata")) {
            StripeObjects.applyMetadata(endpoint, metadata(params.get("metadata")));
        }
        if (params.get("disabled") instanceof Boolean disabled) {
            endpoint.put("status", disabled ? "disabled" : "enabled");
        }
    }

    /** The JSON without the internal fields, with {@code secret} when {@code withSecret} (create only). */
    static ObjectNode render(ObjectNode stored, boolean withSecret) {
        ObjectNode rendered = stored.deepCopy();
        String secret = rendered.path(SECRET).asString(null);
        rendered.remove(SECRET);
        if (withSecret && secret != null) {
            rendered.put("secret", secret);
        }
        return rendered;
    }

    static String secret(ObjectNode stored) {
        return stored.get(SECRET).asString();
    }

    static List<String> enabledEvents(ObjectNode stored) {
        List<String> events = new ArrayList<>();
        stored.path("enabled_events").forEach(type -> events.add(type.asString()));
        return events;
    }

    static boolean enabled(ObjectNode stored) {
        return "enabled".equals(stored.path("status").asString());
    }

    private static String checkUrl(String url) {
        if (url == null) {
            throw StripeError.invalid("url", "Invalid URL: URL cannot be blank.");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.getHost().isBlank()) {
                throw StripeError.invalid("url", "Invalid URL: " + url + ". URLs must use the http or https "
                        + "scheme and name a host.");
            }
        } catch (URISyntaxException e) {
            throw StripeError.invalid("url", "Invalid URL: " + url);
        }
        if (url.length() > 5000) {
            throw StripeError.invalid("url", "Invalid URL: must be at most 5000 characters long.");
        }
        return url;
    }

    private static List<String> checkEvents(Object value) {
        List<String> events = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> events.add((String) item));
        }
        if (events.isEmpty()) {
            throw StripeError.parameterMissing("enabled_events");
        }
        for (int i = 0; i < events.size(); i++) {
            if (!EventTypes.known(events.get(i))) {
                throw StripeError.invalid("enabled_events[" + i + "]", "Invalid enabled_events[" + i
                        + "]: must be one of " + EventTypes.listed());
            }
        }
        return events.stream().distinct().toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Object value) {
        return (Map<String, Object>) value;
    }
}
