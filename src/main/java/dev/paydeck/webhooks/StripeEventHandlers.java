package dev.paydeck.webhooks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link StripeEventHandler} beans of all modules, looked up by event type. */
@Component
class StripeEventHandlers {

    private final ObjectProvider<StripeEventHandler> handlers;
    /** Looked up once per type: resolving the beans for every event cost more than the rest of the lookup. */
    private final Map<String, List<StripeEventHandler>> byType = new ConcurrentHashMap<>();

    StripeEventHandlers(ObjectProvider<StripeEventHandler> handlers) {
        this.handlers = handlers;
    }

    List<StripeEventHandler> of(String type) {
        List<StripeEventHandler> known = byType.get(type);
        if (known != null) {
            return known;
        }
        if (byType.size() > 1_000) {
            byType.clear();
        }
        return byType.computeIfAbsent(type,
                any -> handlers.orderedStream().filter(handler -> handler.handles(type)).toList());
    }
}
