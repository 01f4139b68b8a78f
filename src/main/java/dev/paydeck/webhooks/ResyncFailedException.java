package dev.paydeck.webhooks;

/** Stripe could not be read for a resync (unreachable, keys refused); nothing local was changed for that part. */
public class ResyncFailedException extends RuntimeException {

    private final String objects;

    ResyncFailedException(String objects, Exception cause) {
        super("Resync of " + objects + " failed: Stripe could not be read (" + cause.getClass().getSimpleName() + ").",
                cause);
        this.objects = objects;
    }

    public String objects() {
        return objects;
    }
}
