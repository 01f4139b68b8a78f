package dev.paydeck.sandbox.api;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe objects of every kind, stored per sandbox account as the JSON Stripe would return (plus internal fields
 * whose names start with {@code _}, which are never rendered). Newest first, as Stripe lists them.
 */
@Repository
public class ObjectStore {

    /** How Stripe names each kind of object in its "No such ..." messages. */
    private static final Map<String, String> DISPLAY_NAMES = Map.of("payment_method", "PaymentMethod");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /**
     * The objects this transaction has written, as written, by account and id: a request that creates an object and
     * reads it again (a confirmation reads the PaymentMethod it just made, an expansion the charge) gets it without a
     * query. The transaction holds their rows' locks, so reading "for update" is the same.
     */
    private final TransactionScoped<Map<String, String>> written = new TransactionScoped<>(HashMap::new);

    ObjectStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public ObjectNode insert(String accountId, ObjectNode object) {
        String data = json.writeValueAsString(object);
        jdbc.sql("insert into sandbox.objects (account_id, id, object, created, data) values (?, ?, ?, ?, ?::jsonb)")
                .params(accountId, object.get("id").asString(), object.get("object").asString(),
                        object.get("created").asLong(), data)
                .update();
        remember(accountId, object.get("id").asString(), data);
        return object;
    }

    public ObjectNode update(String accountId, ObjectNode object) {
        String data = json.writeValueAsString(object);
        int updated = jdbc.sql("update sandbox.objects set data = ?::jsonb where account_id = ? and id = ?")
                .params(data, accountId, object.get("id").asString())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("No stored object " + object.get("id").asString());
        }
        remember(accountId, object.get("id").asString(), data);
        return object;
    }

    public void delete(String accountId, String id) {
        jdbc.sql("delete from sandbox.objects where account_id = ? and id = ?").params(accountId, id).update();
        Map<String, String> objects = written.existing();
        if (objects != null) {
            objects.remove(accountId + "/" + id);
        }
    }

    public Optional<ObjectNode> find(String accountId, String id) {
        return writtenInThisTransaction(accountId, id).or(() -> read(accountId, id, ""));
    }

    /** Reads and locks the object for the rest of the transaction, so concurrent changes serialize. */
    public Optional<ObjectNode> findForUpdate(String accountId, String id) {
        return writtenInThisTransaction(accountId, id).or(() -> read(accountId, id, " for update"));
    }

    private Optional<ObjectNode> read(String accountId, String id, String lock) {
        return jdbc.sql("select data from sandbox.objects where account_id = ? and id = ?" + lock)
                .params(accountId, id)
                .query((rs, row) -> (ObjectNode) json.readTree(rs.getString(1)))
                .optional();
    }

    private void remember(String accountId, String id, String data) {
        Map<String, String> objects = written.get();
        if (objects != null) {
            objects.put(accountId + "/" + id, data);
        }
    }

    private Optional<ObjectNode> writtenInThisTransaction(String accountId, String id) {
        Map<String, String> objects = written.existing();
        String data = objects == null ? null : objects.get(accountId + "/" + id);
        return data == null ? Optional.empty() : Optional.of((ObjectNode) json.readTree(data));
    }

    /**
     * The object of that kind, or Stripe's {@code resource_missing} naming it ({@code No such customer: 'cus_1'}).
     * Objects of other accounts are missing too.
     */
    public ObjectNode require(String accountId, String id, String object, String param) {
        return findForUpdate(accountId, id)
                .filter(found -> object.equals(found.get("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing(DISPLAY_NAMES.getOrDefault(object, object), id,
                        param));
    }

    public StripeList list(String accountId, String object, ListQuery query, String url) {
        StringBuilder sql = new StringBuilder(
                "select data, seq from sandbox.objects where account_id = :account and object = :object");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("account", accountId);
        params.put("object", object);
        int equalsGroup = 0;
        for (Map.Entry<String, Object> equal : query.equals().entrySet()) {
            String name = "equals_" + equalsGroup++;
            if (equal.getValue() instanceof String text) {
                // As text, so that the indexes on the fields lists filter by (customer, email...) serve it.
                sql.append(" and data->>'").append(fieldName(equal.getKey())).append("' = :").append(name);
                params.put(name, text);
            } else {
                sql.append(" and data @> :").append(name).append("::jsonb");
                params.put(name, json.writeValueAsString(Map.of(equal.getKey(), equal.getValue())));
            }
        }
        int patternGroup = 0;
        for (Map.Entry<String, List<String>> matching : query.matching().entrySet()) {
            String name = "match_" + patternGroup++;
            sql.append(" and (data->>'").append(fieldName(matching.getKey())).append("') like any (array[:")
                    .append(name).append("]::text[])");
            params.put(name, matching.getValue().stream().map(ObjectStore::likePattern).toList());
        }
        query.created().forEach((operator, value) -> {
            String sqlOperator = switch (operator) {
                case "gt" -> ">";
                case "gte" -> ">=";
                case "lt" -> "<";
                case "lte" -> "<=";
                default -> "=";
            };
            sql.append(" and created ").append(sqlOperator).append(" :created_").append(operator);
            params.put("created_" + operator, value);
        });
        boolean backwards = query.endingBefore() != null;
        String cursor = backwards ? query.endingBefore() : query.startingAfter();
        if (cursor != null) {
            Long seq = jdbc.sql("select seq from sandbox.objects where account_id = ? and id = ? and object = ?")
                    .params(accountId, cursor, object).query(Long.class).optional()
                    .orElseThrow(() -> StripeError.resourceMissing(object,
                            cursor, backwards ? "ending_before" : "starting_after"));
            sql.append(backwards ? " and seq > :cursor" : " and seq < :cursor");
            params.put("cursor", seq);
        }
        sql.append(backwards ? " order by seq asc" : " order by seq desc").append(" limit :limit");
        params.put("limit", query.limit() + 1);
        List<ObjectNode> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> (ObjectNode) json.readTree(rs.getString(1))).list());
        boolean hasMore = rows.size() > query.limit();
        if (hasMore) {
            rows.removeLast();
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        return new StripeList(url, rows, hasMore);
    }

    /** A top-level field name, checked before it becomes part of a statement. */
    private static String fieldName(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("Not a field name: " + name);
        }
        return name;
    }

    /** {@code customer.*} as SQL's {@code customer.%}, with LIKE's own wildcards ({@code _}, {@code %}) escaped. */
    static String likePattern(String pattern) {
        return pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%');
    }

    public ObjectNode newObject(String object, String idPrefix, long created) {
        ObjectNode node = json.createObjectNode();
        node.put("id", Ids.generate(idPrefix));
        node.put("object", object);
        node.put("created", created);
        return node;
    }

    public JsonMapper json() {
        return json;
    }
}
