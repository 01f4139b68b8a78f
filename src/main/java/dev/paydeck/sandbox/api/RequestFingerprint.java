package dev.paydeck.sandbox.api;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two requests with one idempotency key "the same request": method, path, parameters (in any order) and
 * expansions, as a SHA-256.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(String method, String path, Map<String, Object> params, List<String> expand, JsonMapper json) {
        Map<String, Object> canonical = new TreeMap<>(sorted(params));
        canonical.put("__expand", expand);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + " ").getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(canonical));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sorted(Map<String, Object> map) {
        Map<String, Object> result = new TreeMap<>();
        map.forEach((key, value) -> result.put(key, value instanceof Map<?, ?> nested
                ? sorted((Map<String, Object>) nested) : value));
        return result;
    }
}
