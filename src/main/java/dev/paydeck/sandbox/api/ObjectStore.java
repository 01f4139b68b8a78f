package dev.paydeck.sandbox.api;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** Parameters: accounts, ids, kinds, times, documents and whether each is new (arrays, in writing order). */
    private static final String WRITE = """
            insert into sandbox.objects as o (account_id, id, object, created, data)
            select w.account_id, w.id, w.object, w.created, w.data::jsonb
              from unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::boolean[]) with ordinality
                   as w(account_id, id, object, created, data, new, n)
             order by w.n
            on conflict (account_id, id) do update set data = excluded.data
            returning o.id, (o.xmax = 0) as inserted""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /**
     * The objects this transaction has written, as written, by account and id, in writing order. They are written
     * to the database together, in one statement, just before the commit (or before a query that needs them): a
     * confirmation creates a PaymentMethod, a PaymentIntent and a charge and updates the PaymentIntent, one
     * statement instead of four. Until then a request that reads one of them again (a confirmation reads the
     * PaymentMethod it just made, an expansion the charge) gets it from here; its row is locked by this
     * transaction once written, and no other transaction can see it before, so reading "for update" is the same.
     */
    private final TransactionScoped<Writes> written = new TransactionScoped<>(Writes::new, this::write);

    /**
     * This transaction's written objects by key, and those not yet stored, in writing order: a flush writes only
     * those, however many the transaction holds (a test clock's step renews a thousand subscriptions in one).
     */
    private static final class Writes {
        final Map<String, Written> byKey = new HashMap<>();
        final Map<String, Written> unstored = new LinkedHashMap<>();
        /**
         * Objects this transaction has read (and not written), as read, with whether it locked them: a renewal reads
         * its clock, customer and product several times; the database is asked once. The most recently read are
         * kept, up to {@link #READS_KEPT}.
         */
        final Map<String, Read> reads = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
                return size() > READS_KEPT;
            }
        };
    }

    private record Read(ObjectNode object, boolean locked) {
    }

    private static final int READS_KEPT = 2_000;

    /** An object written in this transaction; {@code stored} once it is in the database. */
    private static final class Written {
        final String accountId;
        final String id;
        final String object;
        final long created;
        final boolean isNew;
        /** The object as last written (a copy: the caller may go on changing its own), turned into JSON once. */
        ObjectNode snapshot;
        boolean stored;

        Written(String accountId, ObjectNode snapshot, boolean isNew) {
            this.accountId = accountId;
            this.id = snapshot.get("id").asString();
            this.object = snapshot.get("object").asString();
            // Stripe renders no "created" on some objects (an invoice item has a "date"): they keep it internally.
            this.created = snapshot.has("created") ? snapshot.get("created").asLong()
                    : snapshot.get("_created").asLong();
            this.isNew = isNew;
            this.snapshot = snapshot;
        }
    }

    ObjectStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public ObjectNode insert(String accountId, ObjectNode object) {
        return write(accountId, object, true);
    }

    /** Replaces a stored object's document; the object must exist (the commit fails otherwise). */
    public ObjectNode update(String accountId, ObjectNode object) {
        return write(accountId, object, false);
    }

    private ObjectNode write(String accountId, ObjectNode object, boolean isNew) {
        // A copy, not yet JSON: an object written several times in a transaction (an invoice as it is finalized and
        // paid) is turned into JSON once, when it is stored.
        ObjectNode snapshot = object.deepCopy();
        Writes writes = written.get();
        if (writes == null) {
            write(List.of(new Written(accountId, snapshot, isNew)));
            return object;
        }
        String key = key(accountId, object.get("id").asString());
        Written earlier = writes.byKey.get(key);
        if (earlier != null && !earlier.stored) {
            // Still only here: it is written once, as new if it was made in this transaction.
            earlier.snapshot = snapshot;
        } else {
            Written now = new Written(accountId, snapshot, isNew && earlier == null);
            writes.byKey.put(key, now);
            writes.unstored.put(key, now);
        }
        return object;
    }

    /**
     * Writes what this transaction has written and not yet stored, in one statement. Called before the commit, and
     * by queries that must see those objects.
     */
    public void flush() {
        Writes writes = written.existing();
        if (writes != null) {
            write(writes);
        }
    }

    /**
     * Writes what this transaction has written and not yet stored, if any of it is of that kind: a query of one kind
     * of object needs only those stored (a renewal lists its customer's pending invoice items while its invoice and
     * subscription are still only here, and they are then written once, at the commit, not once before and again).
     */
    private void flushBefore(String object) {
        Writes writes = written.existing();
        if (writes != null && writes.unstored.values().stream().anyMatch(unstored -> unstored.object.equals(object))) {
            write(writes);
        }
    }

    private void write(Writes writes) {
        if (!writes.unstored.isEmpty()) {
            List<Written> unstored = List.copyOf(writes.unstored.values());
            write(unstored);
            unstored.forEach(object -> object.stored = true);
            writes.unstored.clear();
        }
    }

    private void write(List<Written> objects) {
        int size = objects.size();
        String[] accounts = new String[size];
        String[] ids = new String[size];
        String[] kinds = new String[size];
        Long[] created = new Long[size];
        String[] data = new String[size];
        Boolean[] isNew = new Boolean[size];
        Map<String, Boolean> expectNew = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Written object = objects.get(i);
            accounts[i] = object.accountId;
            ids[i] = object.id;
            kinds[i] = object.object;
            created[i] = object.created;
            data[i] = json.writeValueAsString(object.snapshot);
            isNew[i] = object.isNew;
            expectNew.put(object.id, object.isNew);
        }
        jdbc.sql(WRITE).params(accounts, ids, kinds, created, data, isNew).query(rows -> {
            String id = rows.getString(1);
            boolean inserted = rows.getBoolean(2);
            if (inserted != expectNew.get(id)) {
                throw new IllegalStateException(inserted ? "No stored object " + id : "Object " + id + " exists");
            }
        });
    }

    public void delete(String accountId, String id) {
        Writes writes = written.existing();
        if (writes != null) {
            writes.byKey.remove(key(accountId, id));
            writes.unstored.remove(key(accountId, id));
            writes.reads.remove(key(accountId, id));
        }
        jdbc.sql("delete from sandbox.objects where account_id = ? and id = ?").params(accountId, id).update();
    }

    /**
     * The object as this transaction last wrote or read it, else as stored: read twice in one transaction, an object
     * another transaction has changed meanwhile is seen as first read (lock it with {@link #findForUpdate} to see
     * and keep the latest).
     */
    public Optional<ObjectNode> find(String accountId, String id) {
        return writtenInThisTransaction(accountId, id).or(() -> read(accountId, id, false));
    }

    /** Reads and locks the object for the rest of the transaction, so concurrent changes serialize. */
    public Optional<ObjectNode> findForUpdate(String accountId, String id) {
        return writtenInThisTransaction(accountId, id).or(() -> read(accountId, id, true));
    }

    private Optional<ObjectNode> read(String accountId, String id, boolean lock) {
        Writes writes = written.get();
        String key = key(accountId, id);
        Read earlier = writes == null ? null : writes.reads.get(key);
        if (earlier != null && (earlier.locked() || !lock)) {
            return Optional.of(earlier.object().deepCopy());
        }
        Optional<ObjectNode> found = jdbc.sql("select data from sandbox.objects where account_id = ? and id = ?"
                        + (lock ? " for update" : ""))
                .params(accountId, id)
                .query((rs, row) -> (ObjectNode) json.readTree(rs.getString(1)))
                .optional();
        if (writes != null && found.isPresent()) {
            writes.reads.put(key, new Read(found.get().deepCopy(), lock));
        }
        return found;
    }

    /** How the transaction's written objects are found: ids are unique within an account. */
    private static String key(String accountId, String id) {
        return accountId + "/" + id;
    }

    private Optional<ObjectNode> writtenInThisTransaction(String accountId, String id) {
        Writes writes = written.existing();
        Written object = writes == null ? null : writes.byKey.get(key(accountId, id));
        return object == null ? Optional.empty() : Optional.of(object.snapshot.deepCopy());
    }

    /**
     * The account that holds the object of that kind with this id, for a hosted page that is given only the id (and
     * a client secret to check): ids are random, so at most one account has it.
     */
    public Optional<String> accountHolding(String object, String id) {
        return jdbc.sql("select account_id from sandbox.objects where id = ? and object = ?")
                .params(id, object).query(String.class).optional();
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

    /** The accounts that hold objects of that kind (for work the wall clock brings due, e.g. renewals). */
    public List<String> accountsHolding(String object) {
        flushBefore(object);
        return jdbc.sql("select distinct account_id from sandbox.objects where object = ?").params(object)
                .query(String.class).list();
    }

    public StripeList list(String accountId, String object, ListQuery query, String url) {
        flushBefore(object);
        ListSql filters = ListSql.of(query, json);
        StringBuilder sql = new StringBuilder(
                "select data, seq from sandbox.objects where account_id = :account and object = :object")
                .append(filters.condition());
        Map<String, Object> params = new HashMap<>(filters.parameters());
        params.put("account", accountId);
        params.put("object", object);
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

    /**
     * The objects of that kind that match a search ({@link SearchQuery} over the kind's {@link SearchFields}), newest
     * first, a page at a time. Values reach the statement only as parameters ({@link SearchSql}).
     */
    public SearchResult search(String accountId, String object, SearchRequest request, SearchFields fields,
            String url) {
        flushBefore(object);
        SearchSql search = SearchSql.of(request.query(), fields);
        Map<String, Object> params = new HashMap<>(search.parameters());
        params.put("account", accountId);
        // The kind as a literal (it comes from the resource, never from the request): the partial indexes on one kind
        // of object serve only statements that name it.
        String matching = " from sandbox.objects where account_id = :account and object = '"
                + ListSql.fieldName(object) + "' and " + search.condition();
        StringBuilder sql = new StringBuilder("select data, seq").append(matching);
        if (request.pageAfter() != null) {
            sql.append(" and seq < :page_after");
            params.put("page_after", request.pageAfter());
        }
        sql.append(" order by seq desc limit :limit");
        params.put("limit", request.limit() + 1);
        List<ObjectNode> rows = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        jdbc.sql(sql.toString()).params(params).query(result -> {
            rows.add((ObjectNode) json.readTree(result.getString(1)));
            seqs.add(result.getLong(2));
        });
        boolean hasMore = rows.size() > request.limit();
        if (hasMore) {
            rows.removeLast();
        }
        String nextPage = hasMore ? SearchRequest.nextPage(seqs.get(rows.size() - 1)) : null;
        return new SearchResult(url, rows, hasMore, nextPage,
                () -> jdbc.sql("select count(*)" + matching).params(params).query(Long.class).single());
    }

    /**
     * The objects of that kind whose top-level text field has that value, across accounts, as account id and object
     * id pairs: for work the sandbox resumes on start (a test clock left advancing).
     */
    public List<Map.Entry<String, String>> acrossAccounts(String object, String field, String value) {
        return jdbc.sql("select account_id, id from sandbox.objects where object = ? and data->>'"
                        + ListSql.fieldName(field) + "' = ?")
                .params(object, value)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list();
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
