package dev.paydeck.shared.mirror;

import com.stripe.exception.StripeException;

/**
 * The Paydeck record a Stripe call is about, for the log of outbound calls: set around the call on the calling
 * thread, read by the organization's Stripe transport when it sends the request.
 */
public final class StripeCallSubject {

    /** A Paydeck record: its kind ({@code payment}) and its id. */
    public record Subject(String type, String id) {
    }

    /** A Stripe call. */
    public interface Call<T> {
        T call() throws StripeException;
    }

    private static final ThreadLocal<Subject> CURRENT = new ThreadLocal<>();

    private StripeCallSubject() {
    }

    /** Runs the call with {@code type}/{@code id} as its subject (calls nested in it keep the outer subject). */
    public static <T> T about(String type, Object id, Call<T> call) throws StripeException {
        Subject outer = CURRENT.get();
        if (outer != null) {
            return call.call();
        }
        CURRENT.set(new Subject(type, String.valueOf(id)));
        try {
            return call.call();
        } finally {
            CURRENT.remove();
        }
    }

    /** The subject of the call being sent on this thread, or null. */
    public static Subject current() {
        return CURRENT.get();
    }
}
