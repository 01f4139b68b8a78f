package dev.paydeck.bench;

import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * A year of monthly renewals as Paydeck sees them (issue 18, billing performance): one organization on a sandbox
 * account of its own (so Paydeck's webhook endpoint is registered there), its product and monthly price created
 * through Paydeck's API, {@code subscriptions} customers on one test clock, each with a card and a subscription made
 * in the organization's Stripe (the sandbox, with the organization's secret key) and mirrored by Paydeck from the
 * webhooks; then the clock advanced {@code months} months (two per advance, as {@link TestClockBench} does), timed
 * until the clock is {@code ready} (the sandbox's part), then until Paydeck holds every invoice (the first and one a
 * month) as paid, every subscription active in its latest period, and has processed every webhook the sandbox sent
 * (Paydeck's part: goal ≤ 60 s). Prints one JSON line. Not a test: run by {@code bench/run-billing.sh}.
 *
 * <p>What Paydeck holds is read with read-only SQL counts on its database (the API pages through lists, and its
 * statistics count invoices, not subscriptions' periods); so is the organization's sandbox secret key, which Paydeck
 * keeps only encrypted and the sandbox stores as Stripe would show it in its dashboard.
 */
public final class BillingBench {

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String base = options.getOrDefault("base", "http://127.0.0.1:8080");
        int subscriptions = Integer.parseInt(options.getOrDefault("subscriptions", "1000"));
        int months = Integer.parseInt(options.getOrDefault("months", "12"));
        long appPid = Long.parseLong(options.getOrDefault("app-pid", "-1"));
        long postgresPid = Long.parseLong(options.getOrDefault("postgres-pid", "-1"));
        long timeoutSeconds = Long.parseLong(options.getOrDefault("timeout", "900"));

        String token = BenchApi.personToken(base);
        JsonNode organization = BenchApi.post(base + "/api/v1/organizations", token, "{\"name\":\"Billing bench\"}");
        String organizationId = organization.get("id").asString();
        if (!"registered".equals(organization.get("stripe").get("webhook_status").asString())) {
            throw new IllegalStateException("Paydeck's webhook endpoint is not registered: " + organization);
        }
        String apiKey = BenchApi.post(base + "/api/v1/organizations/" + organizationId + "/api-keys", token,
                "{\"name\":\"bench\",\"role\":\"admin\"}").get("secret").asString();
        String productId = BenchApi.post(base + "/api/v1/products", apiKey, "{\"name\":\"Bench plan\"}").get("id")
                .asString();
        String price = BenchApi.post(base + "/api/v1/prices", apiKey, "{\"product_id\":\"" + productId + "\","
                + "\"unit_amount\":1500,\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"}}")
                .get("stripe_price_id").asString();

        try (Connection db = DriverManager.getConnection(options.get("jdbc"), "postgres", options.get("password"))) {
            db.setReadOnly(true);
            Paydeck paydeck = new Paydeck(db, UUID.fromString(organizationId));
            StripeClient stripe = StripeClient.builder()
                    .setApiKey(paydeck.sandboxSecretKey(organization.get("stripe").get("publishable_key").asString()))
                    .setApiBase(base + "/sandbox").setMaxNetworkRetries(2).build();

            long start = Instant.now().getEpochSecond();
            TestClock clock = stripe.v1().testHelpers().testClocks().create(TestClockCreateParams.builder()
                    .setFrozenTime(start).setName("billing bench").build());
            long setUpStarted = System.nanoTime();
            subscribeAll(stripe, clock.getId(), price, subscriptions);
            // Paydeck has mirrored the set-up (customers, first invoices, subscriptions) before the clock moves.
            State first = paydeck.await(subscriptions, 1, start, monthsAfter(start, 1), setUpStarted,
                    timeoutSeconds);
            double setUpSeconds = (System.nanoTime() - setUpStarted) / 1e9;
            System.err.printf("Set up in %.1f s: %s%n", setUpSeconds, first);
            if (!first.converged()) {
                System.err.println("Paydeck did not mirror the set-up in " + timeoutSeconds + " s; failed events: "
                        + paydeck.failures());
                System.exit(2);
            }

            Load.Cpu cpu = Load.Cpu.start(appPid, postgresPid);
            long appCpu = appPid > 0 ? Load.cpuMillis(appPid) : -1;
            long postgresCpu = postgresPid > 0 ? Load.treeCpuMillis(postgresPid) : -1;
            long eventsBefore = first.eventsReceived();
            Instant advancedAt = Instant.now();
            long advanceStarted = System.nanoTime();
            for (int step = 0; step < months; step += 2) {
                // Two months at most: the limit Stripe sets with monthly subscriptions on the clock.
                stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder()
                        .setFrozenTime(monthsAfter(start, Math.min(step + 2, months))).build());
                while (!"ready".equals(stripe.v1().testHelpers().testClocks().retrieve(clock.getId()).getStatus())) {
                    Thread.sleep(100);
                }
            }
            long ready = System.nanoTime();
            double sandboxSeconds = (ready - advanceStarted) / 1e9;
            System.err.printf("The clock is ready after %.1f s; waiting for Paydeck%n", sandboxSeconds);
            State last = paydeck.await(subscriptions, months + 1, monthsAfter(start, months),
                    monthsAfter(start, months + 1), ready, timeoutSeconds);
            double paydeckSeconds = (System.nanoTime() - ready) / 1e9;
            double deliveredSeconds = (paydeck.delivered - ready) / 1e9;

            Map<String, Object> extra = new LinkedHashMap<>();
            cpu.report(last.eventsReceived() - eventsBefore, "event", extra);
            Map<String, Long> calls = paydeck.stripeCalls(advancedAt);
            System.err.println("Where the time went, from the first advance:" + paydeck.eventTimes(advancedAt)
                    + "\n  Paydeck's calls to Stripe: " + calls);
            System.out.printf(Locale.ROOT, "{\"benchmark\":\"billing: %d monthly subscriptions of one organization, "
                            + "test clock advanced %d months\",\"setup_seconds\":%.1f,\"sandbox_seconds\":%.1f,"
                            + "\"sandbox_delivered_after_ready_seconds\":%.1f,"
                            + "\"paydeck_after_sandbox_seconds\":%.1f,\"converged\":%b,\"events_received\":%d,"
                            + "\"events_by_status\":%s,\"invoices_by_status\":%s,\"expected_invoices\":%d,"
                            + "\"subscriptions_by_status\":%s,\"subscriptions_in_latest_period\":%d,"
                            + "\"stripe_calls\":%d,\"events_retried\":%d,"
                            + "\"app_cpu_seconds\":%.1f,\"postgres_cpu_seconds\":%.1f,\"cpu_per_event\":%s}%n",
                    subscriptions, months, setUpSeconds, sandboxSeconds, deliveredSeconds, paydeckSeconds, last.converged(),
                    last.eventsReceived() - eventsBefore, json(last.events()), json(last.invoices()),
                    (long) subscriptions * (months + 1), json(last.subscriptions()), last.inLatestPeriod(),
                    calls.values().stream().mapToLong(Long::longValue).sum(), paydeck.retried(advancedAt),
                    appCpu < 0 ? -1 : (Load.cpuMillis(appPid) - appCpu) / 1000.0,
                    postgresCpu < 0 ? -1 : (Load.treeCpuMillis(postgresPid) - postgresCpu) / 1000.0,
                    json(extra));
            if (!last.converged()) {
                System.err.println("Paydeck did not reach the expected state in " + timeoutSeconds + " s: " + last
                        + "\nFailed events: " + paydeck.failures());
                System.exit(2);
            }
        }
    }

    private static long monthsAfter(long start, int months) {
        return Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC).plusMonths(months).toEpochSecond();
    }

    private static void subscribeAll(StripeClient stripe, String clock, String price, int subscriptions)
            throws Exception {
        Semaphore parallel = new Semaphore(16);
        List<Future<Object>> made = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < subscriptions; i++) {
                int n = i;
                made.add(executor.submit(() -> {
                    parallel.acquireUninterruptibly();
                    try {
                        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder()
                                .setEmail("billing-bench-" + n + "@example.com").setTestClock(clock).build());
                        String card = stripe.v1().paymentMethods().attach("pm_card_visa",
                                PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build()).getId();
                        stripe.v1().subscriptions().create(SubscriptionCreateParams.builder()
                                .setCustomer(customer.getId()).setDefaultPaymentMethod(card)
                                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price).build()).build());
                    } finally {
                        parallel.release();
                    }
                    return null;
                }));
            }
        }
        for (Future<Object> subscription : made) {
            subscription.get(); // a set-up that failed stops the benchmark with its cause
        }
    }

    private static String json(Map<String, ?> values) {
        return values.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** What Paydeck holds of the organization at one moment. */
    record State(Map<String, Long> events, Map<String, Long> invoices, Map<String, Long> subscriptions,
                 long inLatestPeriod, long sandboxDeliveriesPending, boolean converged) {

        long eventsReceived() {
            return events.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Read-only counts on Paydeck's database, for the one organization. */
    private static final class Paydeck {

        private final Connection db;
        private final UUID organization;
        /** When the last {@link #await} first saw no sandbox delivery pending (System.nanoTime()), or -1. */
        private long delivered = -1;

        Paydeck(Connection db, UUID organization) {
            this.db = db;
            this.organization = organization;
        }

        String sandboxSecretKey(String publishableKey) throws Exception {
            try (PreparedStatement sql = db.prepareStatement(
                    "select secret_key from sandbox.accounts where publishable_key = ?")) {
                sql.setString(1, publishableKey);
                try (ResultSet row = sql.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("No sandbox account with the organization's key");
                    }
                    return row.getString(1);
                }
            }
        }

        /**
         * Polls every 200 ms until Paydeck holds {@code invoicesEach} paid invoices per subscription, every
         * subscription active in the period [periodStart, periodEnd), no event waiting or failed, and the sandbox
         * has no delivery pending to it; or until the timeout (counted from {@code since}).
         */
        State await(int subscriptions, int invoicesEach, long periodStart, long periodEnd, long since,
                long timeoutSeconds) throws Exception {
            long deadline = since + timeoutSeconds * 1_000_000_000L;
            long lastReport = System.nanoTime();
            delivered = -1;
            while (true) {
                State state = read(subscriptions, invoicesEach, periodStart, periodEnd);
                if (delivered < 0 && state.sandboxDeliveriesPending() == 0) {
                    delivered = System.nanoTime();
                }
                if (state.converged() || System.nanoTime() > deadline) {
                    return state;
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    System.err.printf("%.0f s: %s%n", (System.nanoTime() - since) / 1e9, state);
                    lastReport = System.nanoTime();
                }
                Thread.sleep(200);
            }
        }

        private State read(int subscriptions, int invoicesEach, long periodStart, long periodEnd) throws Exception {
            Map<String, Long> events = countBy("select status, count(*) from webhook_events where organization_id = ? "
                    + "group by status");
            Map<String, Long> invoices = countBy("select status, count(*) from invoices where organization_id = ? "
                    + "group by status");
            Map<String, Long> subscriptionStatuses = countBy("select status, count(*) from subscriptions "
                    + "where organization_id = ? group by status");
            long inLatestPeriod;
            try (PreparedStatement sql = db.prepareStatement("select count(*) from subscriptions where organization_id = ? "
                    + "and status = 'active' and current_period_start = ? and current_period_end = ?")) {
                sql.setObject(1, organization);
                sql.setTimestamp(2, Timestamp.from(Instant.ofEpochSecond(periodStart)));
                sql.setTimestamp(3, Timestamp.from(Instant.ofEpochSecond(periodEnd)));
                inLatestPeriod = single(sql);
            }
            long pending;
            // Deliveries to this organization's endpoint that the sandbox has not yet made (or is retrying).
            try (PreparedStatement sql = db.prepareStatement("select count(*) from sandbox.webhook_deliveries d "
                    + "join sandbox.accounts a on a.id = d.account_id join stripe_accounts s "
                    + "on s.publishable_key = a.publishable_key where s.organization_id = ? and d.status = 'pending'")) {
                sql.setObject(1, organization);
                pending = single(sql);
            }
            long expected = (long) subscriptions * invoicesEach;
            boolean converged = invoices.getOrDefault("paid", 0L) == expected
                    && invoices.values().stream().mapToLong(Long::longValue).sum() == expected
                    && inLatestPeriod == subscriptions
                    && subscriptionStatuses.values().stream().mapToLong(Long::longValue).sum() == subscriptions
                    && events.getOrDefault("RECEIVED", 0L) + events.getOrDefault("PROCESSING", 0L)
                    + events.getOrDefault("FAILED", 0L) == 0
                    && pending == 0;
            return new State(events, invoices, subscriptionStatuses, inLatestPeriod, pending, converged);
        }

        String failures() throws Exception {
            try (PreparedStatement sql = db.prepareStatement("select type, left(coalesce(last_error, ''), 300), "
                    + "count(*) from webhook_events where organization_id = ? and status in ('FAILED', 'RECEIVED', "
                    + "'PROCESSING') group by 1, 2 order by 3 desc limit 10")) {
                sql.setObject(1, organization);
                StringBuilder out = new StringBuilder();
                try (ResultSet rows = sql.executeQuery()) {
                    while (rows.next()) {
                        out.append("\n  ").append(rows.getLong(3)).append(" × ").append(rows.getString(1))
                                .append(": ").append(rows.getString(2));
                    }
                }
                return out.toString();
            }
        }

        /** Paydeck's calls to Stripe since then, by method and path (object ids left out). */
        Map<String, Long> stripeCalls(Instant since) throws Exception {
            return countBy("select method || ' ' || regexp_replace(path, '/[a-z]+_[A-Za-z0-9]+', '/{id}', 'g'), "
                    + "count(*) from stripe_calls where organization_id = ? and occurred_at >= ? group by 1", since);
        }

        /** Events received since then that took more than one attempt. */
        long retried(Instant since) throws Exception {
            try (PreparedStatement sql = db.prepareStatement("select count(*) from webhook_events "
                    + "where organization_id = ? and received_at >= ? and attempts > 1")) {
                sql.setObject(1, organization);
                sql.setTimestamp(2, Timestamp.from(since));
                return single(sql);
            }
        }

        /** Per event type since then: how many, retried, and the time from received to processed. */
        String eventTimes(Instant since) throws Exception {
            try (PreparedStatement sql = db.prepareStatement("select type, count(*), count(*) filter "
                    + "(where attempts > 1), percentile_cont(0.5) within group (order by extract(epoch from "
                    + "processed_at - received_at)), percentile_cont(0.95) within group (order by extract(epoch from "
                    + "processed_at - received_at)), max(extract(epoch from processed_at - received_at)) "
                    + "from webhook_events where organization_id = ? and received_at >= ? group by type "
                    + "order by 2 desc")) {
                sql.setObject(1, organization);
                sql.setTimestamp(2, Timestamp.from(since));
                StringBuilder out = new StringBuilder();
                try (ResultSet rows = sql.executeQuery()) {
                    while (rows.next()) {
                        out.append(String.format(Locale.ROOT, "%n  %-34s %6d events, %5d retried, received to "
                                        + "processed p50 %.2f s, p95 %.2f s, max %.2f s", rows.getString(1),
                                rows.getLong(2), rows.getLong(3), rows.getDouble(4), rows.getDouble(5),
                                rows.getDouble(6)));
                    }
                }
                return out.toString();
            }
        }

        private Map<String, Long> countBy(String query, Instant since) throws Exception {
            try (PreparedStatement sql = db.prepareStatement(query)) {
                sql.setObject(1, organization);
                sql.setTimestamp(2, Timestamp.from(since));
                return counts(sql);
            }
        }

        private Map<String, Long> countBy(String query) throws Exception {
            try (PreparedStatement sql = db.prepareStatement(query)) {
                sql.setObject(1, organization);
                return counts(sql);
            }
        }

        private static Map<String, Long> counts(PreparedStatement sql) throws Exception {
            Map<String, Long> counts = new TreeMap<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        }

        private static long single(PreparedStatement sql) throws Exception {
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private BillingBench() {
    }
}
