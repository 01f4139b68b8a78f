package dev.paydeck.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages a person runs a business from, on a big organization (issue "Web UI", performance): one organization with
 * {@code --payments} payments (default 100,000; each succeeded one with its charge and audit line, some refunded,
 * held, failed or canceled, over 90 days) and {@code --customers} customers (20,000), seeded straight into
 * PostgreSQL; then, signed in through the login form, each page asked {@code --requests} times one after the other
 * (after a warm-up), and one JSON line per page with its latency percentiles over loopback (the server's time plus
 * well under a millisecond).
 */
public final class PagesBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        String base = options.get("base");
        int payments = Integer.parseInt(options.getOrDefault("payments", "100000"));
        int customers = Integer.parseInt(options.getOrDefault("customers", "20000"));
        int invoices = Integer.parseInt(options.getOrDefault("invoices", "100000"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "300"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "100"));

        String email = "bench-" + UUID.randomUUID() + "@example.com";
        BenchApi.post(base + "/api/v1/auth/sign-up", null, "{\"email\":\"" + email + "\",\"name\":\"Bench\","
                + "\"password\":\"benchmark password\"}");
        String token = BenchApi.post(base + "/api/v1/auth/token", null, "{\"email\":\"" + email + "\","
                + "\"password\":\"benchmark password\"}").get("access_token").asString();
        String organization = BenchApi.post(base + "/api/v1/organizations", token, "{\"name\":\"Big shop\"}")
                .get("id").asString();

        List<String> paymentIds;
        try (Connection db = DriverManager.getConnection(options.get("jdbc"), "postgres", options.get("password"))) {
            long started = System.nanoTime();
            seed(db, UUID.fromString(organization), payments, customers);
            seedInvoices(db, UUID.fromString(organization), invoices);
            System.err.printf("Seeded %d payments, %d customers and %d invoices in %.0f s%n", payments, customers,
                    invoices, (System.nanoTime() - started) / 1e9);
            paymentIds = sample(db, UUID.fromString(organization));
        }

        HttpClient browser = signIn(base, email);
        String app = base + "/app/organizations/" + organization;
        Map<String, Supplier<String>> pages = new LinkedHashMap<>();
        pages.put("dashboard", () -> app);
        pages.put("payments list, filtered by status", () -> app + "/payments?status=succeeded");
        pages.put("payments list, text search", () -> app + "/payments?q=order+4" + ThreadLocalRandom.current()
                .nextInt(10));
        pages.put("payment detail", () -> app + "/payments/" + paymentIds.get(ThreadLocalRandom.current()
                .nextInt(paymentIds.size())));
        pages.put("customers list", () -> app + "/customers");
        pages.put("invoices list", () -> app + "/invoices");
        pages.put("invoices list, filtered by status", () -> app + "/invoices?status=open");
        String key = BenchApi.post(base + "/api/v1/organizations/" + organization + "/api-keys", token,
                "{\"name\":\"bench\",\"role\":\"viewer\"}").get("secret").asString();
        HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (var page : pages.entrySet()) {
            measure(page.getKey(), page.getValue(), url -> get(browser, url), warmup, requests,
                    payments + " payments, " + customers + " customers, " + invoices + " invoices");
        }
        measure("API invoices list (GET /api/v1/invoices)", () -> base + "/api/v1/invoices?limit=25",
                url -> get(api, url, key), warmup, requests, invoices + " invoices");
        measure("API invoices list, open (GET /api/v1/invoices?status=open)",
                () -> base + "/api/v1/invoices?status=open&limit=25", url -> get(api, url, key), warmup, requests,
                invoices + " invoices");
    }

    private interface Get {
        void get(String url) throws Exception;
    }

    /** One request at a time: the warm-up, then the measured ones; prints the figures as one JSON line. */
    private static void measure(String name, Supplier<String> urls, Get get, int warmup, int requests,
            String setting) throws Exception {
        for (int i = 0; i < warmup; i++) {
            get.get(urls.get());
        }
        Load.Recorder recorder = new Load.Recorder();
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            String url = urls.get();
            recorder.time(System.nanoTime(), () -> get.get(url));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("p95_ms", String.format(java.util.Locale.ROOT, "%.2f", recorder.percentile(95)));
        System.out.println(recorder.json("GET " + name, setting + ", one request at a time", started, extra));
    }

    /**
     * Invoices of one organization's customers, by SQL: of each 100, 70 paid, 12 open (half of them past due), 6
     * drafts, 6 void, 6 uncollectible; spread over a year; one line each.
     */
    private static void seedInvoices(Connection db, UUID organization, int invoices) throws Exception {
        try (Statement sql = db.createStatement()) {
            String org = "'" + organization + "'::uuid";
            sql.execute("""
                    insert into invoices (organization_id, id, stripe_invoice_id, customer_id, stripe_customer_id,
                        status, collection_method, number, currency, subtotal, total, amount_due, amount_paid,
                        amount_remaining, due_date, hosted_invoice_url, invoice_pdf, description, finalized_at, paid_at,
                        stripe_event_created, created_at, updated_at)
                    select %1$s, gen_random_uuid(), 'in_bench' || n, c.id, 'cus_bench' || c.k, s.status,
                        'send_invoice', case when s.status <> 'draft' then 'BENCH-' || lpad(n::text, 6, '0') end,
                        'usd', a.amount, a.amount, a.amount,
                        case when s.status = 'paid' then a.amount else 0 end,
                        case when s.status in ('open', 'uncollectible') then a.amount else 0 end,
                        t.at + case when n %% 100 between 70 and 75 then interval '1 day' else interval '30 days' end,
                        'https://invoice.stripe.com/i/bench' || n, 'https://pay.stripe.com/invoice/bench' || n || '/pdf',
                        'Services, month ' || (n %% 12 + 1), t.at,
                        case when s.status = 'paid' then t.at + interval '2 days' end,
                        extract(epoch from t.at)::bigint, t.at, t.at
                    from generate_series(1, %2$d) n
                    join bench_customers c on c.k = 1 + (n::bigint * 7919) %% (select count(*) from bench_customers)
                    cross join lateral (select 1000 + (n::bigint * 104729) %% 99000 as amount) a
                    cross join lateral (select now() - ((n * 13) %% 525600) * interval '1 minute' as at) t
                    cross join lateral (select case
                        when n %% 100 < 70 then 'paid' when n %% 100 < 82 then 'open'
                        when n %% 100 < 88 then 'draft' when n %% 100 < 94 then 'void'
                        else 'uncollectible' end as status) s""".formatted(org, invoices));
            sql.execute("""
                    insert into invoice_lines (organization_id, invoice_id, position, stripe_line_id, description,
                        amount, currency, quantity)
                    select organization_id, id, 0, 'il_' || substr(stripe_invoice_id, 4), description, total, currency, 1
                    from invoices where organization_id = %s""".formatted(org));
            sql.execute("analyze invoices, invoice_lines");
        }
    }

    /** Payments, customers, charges and audit lines of one organization, made by SQL in a few statements. */
    private static void seed(Connection db, UUID organization, int payments, int customers) throws Exception {
        try (Statement sql = db.createStatement()) {
            String org = "'" + organization + "'::uuid";
            sql.execute("""
                    insert into customers (organization_id, id, stripe_customer_id, email, name, status, created_at,
                        updated_at)
                    select %s, gen_random_uuid(), 'cus_bench' || n, 'buyer' || n || '@example.com',
                        'Buyer ' || n, 'active', now() - (n %% 90) * interval '1 day',
                        now() - (n %% 90) * interval '1 day'
                    from generate_series(1, %d) n""".formatted(org, customers));
            sql.execute("""
                    create temporary table bench_customers as
                    select row_number() over () as k, id from customers where organization_id = %s"""
                    .formatted(org));
            // Of each 100: 82 succeeded (6 of them partly refunded), 5 held for capture, 6 failed, 4 canceled,
            // 3 waiting for 3-D Secure; spread over 90 days; amounts from $5 to $500.
            sql.execute("""
                    insert into payments (organization_id, id, stripe_payment_intent_id, customer_id, amount,
                        currency, description, capture_method, status, amount_received, amount_capturable,
                        amount_refunded, last_error_code, last_decline_code, last_error_message, created_at,
                        updated_at, stripe_event_created)
                    select %1$s, gen_random_uuid(), 'pi_bench' || n, c.id, a.amount, 'USD', 'Order ' || n,
                        case when s.status = 'requires_capture' then 'manual' else 'automatic' end, s.status,
                        case when s.status = 'succeeded' then a.amount else 0 end,
                        case when s.status = 'requires_capture' then a.amount else 0 end,
                        case when n %% 100 < 6 then a.amount / 2 else 0 end,
                        case when s.status = 'requires_payment_method' then 'card_declined' end,
                        case when s.status = 'requires_payment_method' then 'generic_decline' end,
                        case when s.status = 'requires_payment_method' then 'Your card was declined.' end,
                        t.at, t.at, extract(epoch from t.at)::bigint
                    from generate_series(1, %2$d) n
                    join bench_customers c on c.k = 1 + (n::bigint * 7919) %% %3$d
                    cross join lateral (select 500 + (n::bigint * 104729) %% 49500 as amount) a
                    cross join lateral (select now() - ((n * 7) %% 129600) * interval '1 minute' as at) t
                    cross join lateral (select case
                        when n %% 100 < 82 then 'succeeded' when n %% 100 < 87 then 'requires_capture'
                        when n %% 100 < 93 then 'requires_payment_method' when n %% 100 < 97 then 'canceled'
                        else 'requires_action' end as status) s""".formatted(org, payments, customers));
            sql.execute("""
                    insert into charges (organization_id, id, payment_id, amount, amount_captured, amount_refunded,
                        currency, status, paid, captured, card_brand, card_last4, created)
                    select organization_id, 'ch_' || substr(stripe_payment_intent_id, 4), id, amount, amount_received,
                        amount_refunded, currency, 'succeeded', true, true, 'visa', '4242', stripe_event_created
                    from payments where organization_id = %s and status = 'succeeded'""".formatted(org));
            sql.execute("""
                    insert into audit_log (organization_id, occurred_at, actor, action, object_type, object_id, detail)
                    select organization_id, created_at, 'api key shop', 'payment.created', 'payment', id::text,
                        '$' || (amount / 100)
                    from payments where organization_id = %s""".formatted(org));
            sql.execute("analyze customers, payments, charges, audit_log");
        }
    }

    private static List<String> sample(Connection db, UUID organization) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(
                "select id from payments where organization_id = '" + organization + "' order by random() limit 1000")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** A browser's session: the login form's CSRF token, then the form posted; cookies kept. */
    private static HttpClient signIn(String base, String email) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=benchmark+password&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Sign-in failed: " + signedIn.statusCode());
        }
        return browser;
    }

    private static void get(HttpClient browser, String url) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + page.statusCode());
        }
    }

    private static void get(HttpClient api, String url, String key) throws Exception {
        HttpResponse<String> answer = api.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode());
        }
    }
}
