package dev.paydeck.sandbox.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The table of API routes that the resource packages fill in ({@link StripeResource}). */
public final class StripeRoutes {

    /** What an endpoint does with a validated call: returns an object node, a {@link StripeList} or a map. */
    @FunctionalInterface
    public interface Handler {
        Object handle(StripeCall call);
    }

    /** One endpoint: method, path template ({@code /v1/customers/{id}}), parameters, handler. */
    public record Route(String method, String template, ParamSpec params, Handler handler, boolean publishable) {

        Optional<Map<String, String>> match(String method, String path) {
            if (!this.method.equals(method)) {
                return Optional.empty();
            }
            String[] expected = template.split("/");
            String[] actual = path.split("/");
            if (expected.length != actual.length) {
                return Optional.empty();
            }
            Map<String, String> variables = new LinkedHashMap<>();
            for (int i = 0; i < expected.length; i++) {
                if (expected[i].startsWith("{")) {
                    if (actual[i].isEmpty()) {
                        return Optional.empty();
                    }
                    variables.put(expected[i].substring(1, expected[i].length() - 1), actual[i]);
                } else if (!expected[i].equals(actual[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(variables);
        }

        /** Literal segments win over variables: {@code /v1/customers/search} before {@code /v1/customers/{id}}. */
        int specificity() {
            return (int) java.util.Arrays.stream(template.split("/")).filter(part -> !part.startsWith("{")).count();
        }
    }

    private final List<Route> routes = new ArrayList<>();

    public void get(String template, ParamSpec params, Handler handler) {
        routes.add(new Route("GET", template, params, handler, false));
    }

    public void post(String template, ParamSpec params, Handler handler) {
        routes.add(new Route("POST", template, params, handler, false));
    }

    public void delete(String template, ParamSpec params, Handler handler) {
        routes.add(new Route("DELETE", template, params, handler, false));
    }

    /** An endpoint that Stripe.js may call with a publishable key (the handler checks the client secret). */
    public void publishable(String method, String template, ParamSpec params, Handler handler) {
        routes.add(new Route(method, template, params, handler, true));
    }

    record Match(Route route, Map<String, String> variables) {
    }

    Optional<Match> find(String method, String path) {
        return routes.stream()
                .sorted(java.util.Comparator.comparingInt(Route::specificity).reversed())
                .flatMap(route -> route.match(method, path).map(variables -> new Match(route, variables)).stream())
                .findFirst();
    }

    boolean pathExists(String path) {
        return routes.stream().anyMatch(route -> route.match(route.method(), path).isPresent());
    }
}
