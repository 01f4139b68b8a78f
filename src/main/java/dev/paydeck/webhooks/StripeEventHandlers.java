package dev.paydeck.webhooks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/** The {@link StripeEventHandler} beans of all modules, looked up by event type. */
@Component
class StripeEventHandlers {

    private final ObjectProvider<StripeEventHandler> handlers;

    StripeEventHandlers(ObjectProvider<StripeEventHandler> handlers) {
        this.handlers = handlers;
    }

    List<StripeEventHandler> of(String type) {
        return handlers.orderedStream().filter(handler -> handler.handles(type)).toList();
    }
}
