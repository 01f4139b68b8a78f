package dev.paydeck.sandbox.api;

import java.util.ArrayList;
import java.util.Arrays;
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
    }

    /** A route with its template split once, and how many literal segments it has. */
    private record Compiled(Route route, String[] segments, int specificity) {

        static Compiled of(Route route) {
            String[] segments = route.template().split("/");
            int literal = (int) Arrays.stream(segments).filter(part -> !part.startsWith("{")).count();
            return new Compiled(route, segments, literal);
        }

        Optional<Map<String, String>> match(String path) {
            String[] actual = path.split("/");
            if (segments.length != actual.length) {
                return Optional.empty();
            }
            Map<String, String> variables = new LinkedHashMap<>();
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].startsWith("{")) {
                    if (actual[i].isEmpty()) {
                        return Optional.empty();
                    }
                    variables.put(segments[i].substring(1, segments[i].length() - 1), actual[i]);
                } else if (!segments[i].equals(actual[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(variables);
        }
    }

    /**
     * Most specific first: literal segments win over variables ({@code /v1/customers/search} before
     * {@code /v1/customers/{id}}); routes as specific as each other keep the order they were added in.
     */
    private final List<Compiled> routes = new ArrayList<>();

    public void get(String template, ParamSpec params, Handler handler) {
        add(new Route("GET", template, params, handler, false));
    }

    public void post(String template, ParamSpec params, Handler handler) {
        add(new Route("POST", template, params, handler, false));
    }

    public void delete(String template, ParamSpec params, Handler handler) {
        add(new Route("DELETE", template, params, handler, false));
    }

    /** An endpoint that Stripe.js may call with a publishable key (the handler checks the client secret). */
    public void publishable(String method, String template, ParamSpec params, Handler handler) {
        add(new Route(method, template, params, handler, true));
    }

    record Match(Route route, Map<String, String> variables) {
    }

    private void add(Route route) {
        Compiled compiled = Compiled.of(route);
        int at = 0;
        while (at < routes.size() && routes.get(at).specificity() >= compiled.specificity()) {
            at++;
        }
        routes.add(at, compiled);
    }

    /**
     * The route for a method and path. A path is first matched by its most specific templates, whatever their method:
     * {@code POST /v1/customers/search} is a URL the sandbox does not serve, not an update of a customer whose id is
     * "search".
     */
    Optional<Match> find(String method, String path) {
        int pathSpecificity = -1;
        for (Compiled compiled : routes) {
            if (compiled.specificity() < pathSpecificity) {
                break;
            }
            Optional<Map<String, String>> variables = compiled.match(path);
            if (variables.isPresent()) {
                pathSpecificity = compiled.specificity();
                if (compiled.route().method().equals(method)) {
                    return Optional.of(new Match(compiled.route(), variables.get()));
                }
            }
        }
        return Optional.empty();
    }
}
