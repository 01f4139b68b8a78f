package dev.paydeck.bench;

import dev.paydeck.support.StripeSignatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stripe webhooks into Paydeck: signed {@code payment_intent.succeeded} events (each with its own event and
 * PaymentIntent id) posted from concurrent senders to {@code /webhooks/stripe/{organization}}; measures events
 * accepted per second (verified, deduplicated, stored, 2xx), latency percentiles, how long the processing backlog
 * takes to drain afterwards, and the Paydeck process's CPU milliseconds per event. Not a test: run by
 * {@code bench/run-webhooks.sh}.
 */
public final class WebhookBench {

    private static final JsonMapper JSON = BenchApi.JSON;
    private static final HttpClient HTTP = BenchApi.HTTP;
    private static final String SECRET = "whsec_benchmarkSigningSecret0123456789";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        String base = options.getOrDefault("base", "http://127.0.0.1:8080");
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "32"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "300")));
        long pid = Long.parseLong(options.getOrDefault("app-pid", "-1"));
        long postgresPid = Long.parseLong(options.getOrDefault("postgres-pid", "-1"));

        String[] setup = setUp(base);
        String token = setup[0];
        String endpoint = "/webhooks/stripe/" + setup[1];
        LoopbackHttp http = new LoopbackHttp(base);
        AtomicLong sequence = new AtomicLong();
        Load.Call post = () -> {
            String payload = event(sequence.incrementAndGet());
            long timestamp = System.currentTimeMillis() / 1000;
            LoopbackHttp.Response response = http.post(endpoint, Map.of(
                    "Content-Type", "application/json; charset=utf-8",
                    "Stripe-Signature", StripeSignatures.header(SECRET, timestamp, payload)), payload);
            if (response.status() / 100 != 2) {
                throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
            }
        };
        int rate = Integer.parseInt(options.getOrDefault("rate", "0"));
        if (rate > 0) {
            Load.openLoop(rate, warmup, new Load.Recorder(), post);
        } else {
            Load.closedLoop(concurrency, warmup, new Load.Recorder(), post);
        }
        // The measured phase starts with nothing left to process from the warm-up, so its backlog is its own.
        drain(base, token, Duration.ofSeconds(300));
        Load.Cpu cpu = Load.Cpu.start(pid, postgresPid);
        Load.Recorder recorder = new Load.Recorder();
        Backlog backlog = Backlog.watch(base);
        long started = System.nanoTime();
        if (rate > 0) {
            Load.openLoop(rate, duration, recorder, post);
        } else {
            Load.closedLoop(concurrency, duration, recorder, post);
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        Backlog.Seen duringLoad = backlog.stop();
        double drainSeconds = drain(base, token, Duration.ofSeconds(120));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("processed_per_s_during_load", String.format(java.util.Locale.ROOT, "%.1f",
                duringLoad.processed() / loadSeconds));
        extra.put("backlog_max_during_load", duringLoad.maxBacklog());
        extra.put("backlog_at_end_of_load", duringLoad.lastBacklog());
        extra.put("backlog_drained_s_after_load", drainSeconds < 0 ? "\"not within 120 s\""
                : String.format(java.util.Locale.ROOT, "%.1f", drainSeconds));
        cpu.report(recorder.count(), "event_received_and_processed", extra);
        System.out.println(recorder.json("signed payment_intent.succeeded -> POST /webhooks/stripe/{organization}",
                rate > 0 ? rate + " events/s open loop" : concurrency + " concurrent senders", loadSeconds, extra));
    }

    /**
     * The processing backlog during the load, read every second from Paydeck's Prometheus figures: events waiting
     * ({@code paydeck_webhooks_backlog}) and events processed ({@code paydeck_webhooks_processed_total}).
     */
    private static final class Backlog {

        record Seen(long processed, long maxBacklog, long lastBacklog) {
        }

        private final String base;
        private final long processedBefore;
        private volatile boolean watching = true;
        private volatile long maxBacklog;
        private volatile long lastBacklog;
        private final Thread thread;

        private Backlog(String base) throws Exception {
            this.base = base;
            this.processedBefore = read()[1];
            this.thread = Thread.ofVirtual().start(this::run);
        }

        static Backlog watch(String base) throws Exception {
            return new Backlog(base);
        }

        private void run() {
            while (watching) {
                try {
                    Thread.sleep(1000);
                    long backlog = read()[0];
                    lastBacklog = backlog;
                    maxBacklog = Math.max(maxBacklog, backlog);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.err.println("Could not read the backlog: " + e.getMessage());
                }
            }
        }

        Seen stop() throws Exception {
            watching = false;
            thread.interrupt();
            thread.join();
            long[] now = read();
            return new Seen(now[1] - processedBefore, Math.max(maxBacklog, now[0]), now[0]);
        }

        /** {backlog, processed so far}. */
        private long[] read() throws Exception {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            long backlog = 0;
            long processed = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("paydeck_webhooks_backlog")) {
                    backlog = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("paydeck_webhooks_processed_total")
                        && line.contains("outcome=\"processed\"")) {
                    processed += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return new long[] {backlog, processed};
        }
    }

    /** Seconds until no event is left RECEIVED or PROCESSING, or -1. */
    private static double drain(String base, String token, Duration limit) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            boolean empty = true;
            for (String status : new String[] {"RECEIVED", "PROCESSING"}) {
                HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/v1/webhook-events?limit=1&status=" + status)).header("Authorization", "Bearer " + token)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                JsonNode data = JSON.readTree(page.body()).get("data");
                empty &= data != null && data.isEmpty();
            }
            if (empty) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(200);
        }
        return -1;
    }

    private static String event(long n) {
        long now = System.currentTimeMillis() / 1000;
        String intent = "pi_bench" + n + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return "{\"id\":\"evt_bench" + n + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":" + now
                + ",\"data\":{\"object\":{\"id\":\"" + intent + "\",\"object\":\"payment_intent\",\"amount\":2000,"
                + "\"amount_capturable\":0,\"amount_received\":2000,\"capture_method\":\"automatic\","
                + "\"currency\":\"usd\",\"created\":" + now + ",\"livemode\":false,\"metadata\":{},"
                + "\"status\":\"succeeded\"}},\"livemode\":false,\"pending_webhooks\":1,"
                + "\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"payment_intent.succeeded\"}";
    }

    /** Signs up, creates an organization with "real" (sandbox) keys and a known webhook secret; token and id. */
    private static String[] setUp(String base) throws Exception {
        String token = BenchApi.personToken(base);
        JsonNode account = BenchApi.post(base + "/sandbox/accounts?name=webhook-bench", null, "");
        String organization = BenchApi.post(base + "/api/v1/organizations", token, "{\"name\":\"Webhook bench\",\"stripe\":"
                + "{\"publishable_key\":\"" + account.get("publishable_key").asString() + "\",\"secret_key\":\""
                + account.get("secret_key").asString() + "\",\"webhook_secret\":\"" + SECRET + "\"}}")
                .get("id").asString();
        return new String[] {token, organization};
    }

    private WebhookBench() {
    }
}
