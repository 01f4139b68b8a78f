package dev.paydeck.billing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Paydeck's id of a subscription (not Stripe's sub_ id). */
public record SubscriptionId(@JsonValue UUID id) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SubscriptionId {
        if (id == null) {
            throw new IllegalArgumentException("a subscription id is required");
        }
    }

    public static SubscriptionId random() {
        return new SubscriptionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
