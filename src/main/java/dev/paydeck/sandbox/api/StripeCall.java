package dev.paydeck.sandbox.api;

import java.util.List;
import java.util.Map;

/**
 * One validated API call as an endpoint sees it: the account, the typed parameters, the path variables and the
 * request's identity (id, idempotency key), and whether a publishable key made it.
 */
public record StripeCall(SandboxAccount account, Map<String, Object> params, Map<String, String> pathVariables,
                         String requestId, String idempotencyKey, boolean publishableKey, String apiVersion) {

    /**
     * The API version the sandbox speaks (stripe-java 33.x's): the only place it is written. Used when a request (or
     * a webhook endpoint) names none.
     */
    public static final String DEFAULT_API_VERSION = "2026-07-29.dahlia";

    public String accountId() {
        return account.id();
    }

    public String path(String name) {
        return pathVariables.get(name);
    }

    public boolean has(String name) {
        return params.containsKey(name);
    }

    public String string(String name) {
        return (String) params.get(name);
    }

    public Long longValue(String name) {
        return (Long) params.get(name);
    }

    public Boolean bool(String name) {
        return (Boolean) params.get(name);
    }

    public boolean isTrue(String name) {
        return Boolean.TRUE.equals(params.get(name));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        return (Map<String, Object>) params.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        return (List<Object>) params.get(name);
    }

    @SuppressWarnings("unchecked")
    public static String nested(Map<String, Object> params, String... path) {
        Object current = params;
        for (String part : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(part);
        }
        return current instanceof String text ? text : null;
    }
}
