package dev.paydeck.sandbox.api;

import java.util.List;

/**
 * Finds the endpoint for a method and path among the routes the resource packages register, with Stripe's 404 for
 * an unknown URL and its 403 for a publishable key on an endpoint that Stripe.js does not call.
 */
final class Routing {

    private final StripeRoutes routes = new StripeRoutes();

    Routing(List<StripeResource> resources) {
        resources.forEach(resource -> resource.register(routes));
    }

    StripeRoutes.Match route(String method, String path, boolean publishableKey) {
        StripeRoutes.Match match = routes.find(method, path).orElseThrow(() -> unrecognized(method, path));
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
        return StripeError.builder(404)
                .message("Unrecognized request URL (" + method + ": " + path + "). Please see "
                        + "https://stripe.com/docs or we can help at https://support.stripe.com/.")
                .build();
    }
}
