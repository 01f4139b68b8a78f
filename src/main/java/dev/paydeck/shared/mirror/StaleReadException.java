package dev.paydeck.shared.mirror;

/**
 * A record changed between the read from Stripe (made before the transaction) and its lock, so that Stripe's current
 * object is needed but was not read: the event is retried, and reads again.
 */
public class StaleReadException extends RuntimeException {

    public StaleReadException(Object snapshot) {
        super("The local record changed while " + describe(snapshot) + " was being applied; retrying reads Stripe again");
    }

    private static String describe(Object snapshot) {
        return snapshot instanceof com.stripe.model.HasId object ? object.getId() : "a snapshot";
    }
}
