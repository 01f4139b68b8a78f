package dev.paydeck.sandbox.api;

import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who calls: the account whose secret or publishable key comes in the Authorization header, as Bearer (what the
 * SDKs send) or Basic auth with the key as user name (what {@code curl -u sk_test_...:} sends). Refused as Stripe
 * refuses, with 401 and the key obscured in the message.
 */
final class KeyAuthentication {

    /** The account, and whether the key was its publishable one (which only Stripe.js's endpoints accept). */
    record Caller(SandboxAccount account, boolean publishableKey) {
    }

    private final SandboxAccounts accounts;

    KeyAuthentication(SandboxAccounts accounts) {
        this.accounts = accounts;
    }

    Caller authenticate(HttpServletRequest request) {
        String key = apiKey(request);
        if (key == null || key.isBlank()) {
            throw StripeError.builder(401)
                    .message("You did not provide an API key. You need to provide your API key in the Authorization "
                            + "header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See "
                            + "https://stripe.com/docs/api#authentication for details, or we can help at "
                            + "https://support.stripe.com/.")
                    .build();
        }
        SandboxAccount account = accounts.byKey(key).orElseThrow(() -> StripeError.builder(401)
                .message("Invalid API Key provided: " + obscure(key)).build());
        return new Caller(account, key.startsWith("pk_"));
    }

    static String apiKey(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return null;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** {@code sk_test_****...abcd}: enough to recognize a mistyped key, never enough to use it. */
    static String obscure(String key) {
        if (key.length() <= 12) {
            return "*".repeat(key.length());
        }
        int prefix = Math.min(8, key.indexOf('_', 3) + 1);
        return key.substring(0, Math.max(prefix, 0)) + "*".repeat(key.length() - prefix - 4)
                + key.substring(key.length() - 4);
    }
}
