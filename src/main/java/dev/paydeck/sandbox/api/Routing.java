package dev.paydeck.sandbox.api;

import java.util.List;

/**
 * Finds the endpoint for a method and path among the routes the resource packages register, with Stripe's 404 for
 * an unknown URL (a trailing slash included) and its 403 for a publishable key on an endpoint that Stripe.js does not
 * call.
 */
final class Routing {

    private final StripeRoutes routes = new StripeRoutes();

    Routing(List<StripeResource> resources) {
        resources.forEach(resource -> resource.register(routes));
    }

    StripeRoutes.Match route(String method, String path, boolean publishableKey) {
        if (path.endsWith("/")) {
            // Not the list (nor an object with an empty id), with Stripe's hint for both mistakes.
            throw unrecognized(method, path, " If you are trying to list objects, remove the trailing slash. If you "
                    + "are trying to retrieve an object, make sure you passed a valid (non-empty) identifier in your "
                    + "code.");
        }
        StripeRoutes.Match match = routes.find(method, path).orElseThrow(() -> unrecognized(method, path, ""));
        if (publishableKey && !match.route().publishable()) {
            throw StripeError.builder(403)
                    .message("This API call cannot be made with a publishable API key. Please use a secret API key. "
                            + "You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.")
                    .build();
        }
        return match;
    }

    /** Stripe's answer to a URL it has no endpoint for. */
    static StripeError unrecognized(String method, String path) {
        return unrecognized(method, path, "");
    }

    private static StripeError unrecognized(String method, String path, String hint) {
        return StripeError.builder(404).message("Unrecognized request URL (" + method + ": " + path + ")." + hint
                + " Please see https://stripe.com/docs or we can help at https://support.stripe.com/.").build();
    }
}
