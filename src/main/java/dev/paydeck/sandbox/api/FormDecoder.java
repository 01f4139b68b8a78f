package dev.paydeck.sandbox.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes Stripe's form encoding ({@code a[b][0][c]=x}, {@code expand[]=y}) into nested maps and lists whose leaves
 * are strings. Numeric and empty brackets make lists; anything else makes maps.
 */
public final class FormDecoder {

    private FormDecoder() {
    }

    public static Map<String, Object> decode(String body) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return root;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = urlDecode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : urlDecode(pair.substring(equals + 1));
            put(root, parseKey(key), value);
        }
        return root;
    }

    static List<String> parseKey(String key) {
        List<String> parts = new ArrayList<>();
        int open = key.indexOf('[');
        if (open < 0) {
            parts.add(key);
            return parts;
        }
        if (open == 0) {
            throw malformed(key);
        }
        parts.add(key.substring(0, open));
        int position = open;
        while (position < key.length()) {
            if (key.charAt(position) != '[') {
                throw malformed(key);
            }
            int close = key.indexOf(']', position);
            if (close < 0) {
                throw malformed(key);
            }
            parts.add(key.substring(position + 1, close));
            position = close + 1;
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, String value) {
        Object container = root;
        for (int i = 0; i < path.size(); i++) {
            String part = path.get(i);
            boolean last = i == path.size() - 1;
            String nextPart = last ? null : path.get(i + 1);
            Object child = last ? value : (isIndex(nextPart) ? new ArrayList<>() : new LinkedHashMap<>());
            if (container instanceof Map<?, ?> map) {
                Map<String, Object> typed = (Map<String, Object>) map;
                if (last) {
                    typed.put(part, value);
                } else {
                    Object existing = typed.get(part);
                    if (existing == null || existing instanceof String) {
                        typed.put(part, child);
                        existing = child;
                    }
                    container = existing;
                }
            } else if (container instanceof List<?> list) {
                List<Object> typed = (List<Object>) list;
                int index = part.isEmpty() ? typed.size() : Integer.parseInt(part);
                if (index > 10_000) {
                    throw new StripeError.Builder(400).message("Invalid array index: " + part).build();
                }
                while (typed.size() <= index) {
                    typed.add(null);
                }
                if (last) {
                    typed.set(index, value);
                } else {
                    Object existing = typed.get(index);
                    if (existing == null || existing instanceof String) {
                        typed.set(index, child);
                        existing = child;
                    }
                    container = existing;
                }
            }
        }
    }

    private static boolean isIndex(String part) {
        if (part.isEmpty()) {
            return true;
        }
        for (int i = 0; i < part.length(); i++) {
            if (!Character.isDigit(part.charAt(i))) {
                return false;
            }
        }
        return part.length() < 6;
    }

    private static String urlDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new StripeError.Builder(400).message("Invalid request: the body is not valid form encoding.")
                    .build();
        }
    }

    private static StripeError malformed(String key) {
        return new StripeError.Builder(400).message("Invalid parameter name: " + key).param(key).build();
    }
}
