package dev.paydeck.sandbox.products;

import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A product as Stripe renders it, and how create/update parameters change it. */
final class ProductJson {

    private static final int MAX_IMAGES = 8;
    private static final int MAX_MARKETING_FEATURES = 15;
    private static final int MAX_STATEMENT_DESCRIPTOR = 22;

    private ProductJson() {
    }

    static ObjectNode create(ObjectNode product) {
        product.put("active", true);
        product.putNull("default_price");
        product.putNull("description");
        product.putArray("images");
        product.put("livemode", false);
        product.putArray("marketing_features");
        product.putObject("metadata");
        product.putNull("package_dimensions");
        product.putNull("shippable");
        product.putNull("statement_descriptor");
        product.putNull("tax_code");
        product.putNull("unit_label");
        product.put("updated", product.get("created").asLong());
        product.putNull("url");
        return product;
    }

    @SuppressWarnings("unchecked")
    static void apply(ObjectNode product, Map<String, Object> params) {
        if (params.containsKey("name")) {
            String name = (String) params.get("name");
            if (name == null || name.isBlank()) {
                throw StripeError.invalid("name", "You must supply a non-empty name for a product.");
            }
            product.put("name", name);
        }
        if (params.get("active") != null) {
            product.put("active", (Boolean) params.get("active"));
        }
        if (params.containsKey("shippable")) {
            if (params.get("shippable") == null) {
                product.putNull("shippable");
            } else {
                product.put("shippable", (Boolean) params.get("shippable"));
            }
        }
        String descriptor = (String) params.get("statement_descriptor");
        if (descriptor != null && (descriptor.length() > MAX_STATEMENT_DESCRIPTOR
                || descriptor.chars().anyMatch(c -> "<>\\'\"*".indexOf(c) >= 0))) {
            throw StripeError.invalid("statement_descriptor", "The statement descriptor must be at most 22 "
                    + "characters and contain none of < > \\ ' \" *.");
        }
        for (String field : List.of("description", "statement_descriptor", "tax_code", "unit_label", "url")) {
            if (params.containsKey(field)) {
                putText(product, field, (String) params.get(field));
            }
        }
        if (params.containsKey("images")) {
            List<Object> images = params.get("images") == null ? List.of() : (List<Object>) params.get("images");
            if (images.size() > MAX_IMAGES) {
                throw StripeError.invalid("images", "A product can have at most 8 images.");
            }
            ArrayNode node = product.putArray("images");
            images.forEach(image -> node.add((String) image));
        }
        if (params.containsKey("marketing_features")) {
            List<Object> features = params.get("marketing_features") == null ? List.of()
                    : (List<Object>) params.get("marketing_features");
            if (features.size() > MAX_MARKETING_FEATURES) {
                throw StripeError.invalid("marketing_features", "A product can have at most 15 marketing "
                        + "features.");
            }
            ArrayNode node = product.putArray("marketing_features");
            features.forEach(feature -> node.addObject().put("name", (String) ((Map<String, Object>) feature)
                    .get("name")));
        }
        if (params.containsKey("package_dimensions")) {
            Map<String, Object> dimensions = (Map<String, Object>) params.get("package_dimensions");
            if (dimensions == null) {
                product.putNull("package_dimensions");
            } else {
                ObjectNode node = product.putObject("package_dimensions");
                for (String side : List.of("height", "length", "weight", "width")) {
                    node.put(side, dimension((String) dimensions.get(side), "package_dimensions[" + side + "]"));
                }
            }
        }
        if (params.containsKey("metadata")) {
            StripeObjects.applyMetadata(product, (Map<String, Object>) params.get("metadata"));
        }
    }

    private static BigDecimal dimension(String value, String param) {
        try {
            BigDecimal dimension = new BigDecimal(value.trim());
            if (dimension.signum() <= 0) {
                throw StripeError.invalid(param, "Invalid " + param + ": must be greater than 0");
            }
            return dimension;
        } catch (NumberFormatException e) {
            throw StripeError.invalid(param, "Invalid decimal: " + value);
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
