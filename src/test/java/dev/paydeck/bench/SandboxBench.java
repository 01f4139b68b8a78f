package dev.paydeck.bench;

import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the sandbox through stripe-java, as a program using Stripe would put it. Not a test: run by
 * {@code bench/run-sandbox.sh} against a running Paydeck (loopback only), prints one JSON line per scenario.
 *
 * <ul>
 *   <li>{@code customers}: open loop, {@code customers.create} at a fixed rate; latency percentiles.</li>
 *   <li>{@code payments}: closed loop, create then confirm a PaymentIntent with {@code pm_card_visa}; flows/s, and
 *   the lag of the signed {@code payment_intent.succeeded} webhooks received by a local endpoint.</li>
 * </ul>
 */
public final class SandboxBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String base = options.getOrDefault("base", "http://127.0.0.1:8080/sandbox");
        String key = options.get("key");
        String scenario = options.getOrDefault("scenario", "payments");
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5")));
        StripeClient stripe = StripeClient.builder().setApiKey(key).setApiBase(base).setMaxNetworkRetries(0).build();
        switch (scenario) {
            case "customers" -> customers(stripe, Integer.parseInt(options.getOrDefault("rate", "50")), warmup,
                    duration);
            case "payments" -> payments(stripe, Integer.parseInt(options.getOrDefault("concurrency", "16")), warmup,
                    duration);
            default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
        }
    }

    private static void customers(StripeClient stripe, int rate, Duration warmup, Duration duration)
            throws InterruptedException {
        Load.Recorder warm = new Load.Recorder();
        Load.openLoop(rate, warmup, warm, () -> stripe.v1().customers().create(
                CustomerCreateParams.builder().setEmail("warm@example.com").build()));
        Load.Recorder recorder = new Load.Recorder();
        long started = System.nanoTime();
        Load.openLoop(rate, duration, recorder, () -> stripe.v1().customers().create(
                CustomerCreateParams.builder().setEmail("bench@example.com").setName("Bench").build()));
        System.out.println(recorder.json("customers.create", rate + " req/s open loop", started, Map.of()));
    }

    private static void payments(StripeClient stripe, int concurrency, Duration warmup, Duration duration)
            throws Exception {
        Webhooks webhooks = Webhooks.start(stripe);
        try {
            Load.closedLoop(concurrency, warmup, new Load.Recorder(), () -> flow(stripe, false));
            webhooks.reset();
            Load.Recorder recorder = new Load.Recorder();
            long started = System.nanoTime();
            Load.closedLoop(concurrency, duration, recorder, () -> flow(stripe, true));
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            long expected = recorder.count();
            Thread.sleep(Math.min(30_000, 3_000 + expected));
            Map<String, Object> extra = new java.util.LinkedHashMap<>();
            extra.put("webhooks_received", webhooks.received());
            extra.put("webhook_lag_ms", webhooks.lag().percentiles());
            System.out.println(recorder.json("payment_intent create+confirm", concurrency + " concurrent flows",
                    loadSeconds, extra));
        } finally {
            webhooks.stop();
        }
    }

    private static void flow(StripeClient stripe, boolean measured) throws Exception {
        PaymentIntent intent = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(2000L).setCurrency("usd").addPaymentMethodType("card")
                .putMetadata("sent_at_ms", String.valueOf(System.currentTimeMillis()))
                .putMetadata("measured", String.valueOf(measured)).build());
        PaymentIntent confirmed = stripe.v1().paymentIntents().confirm(intent.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build());
        if (!"succeeded".equals(confirmed.getStatus())) {
            throw new IllegalStateException("Unexpected status " + confirmed.getStatus());
        }
    }

    /** A local webhook endpoint that verifies signatures and records delivery lag. */
    static final class Webhooks {
        private static final Pattern SENT_AT = Pattern.compile("\"sent_at_ms\"\\s*:\\s*\"(\\d+)\"");
        private static final Pattern MEASURED = Pattern.compile("\"measured\"\\s*:\\s*\"true\"");

        private final HttpServer server;
        private final String endpointId;
        private final StripeClient stripe;
        private volatile Load.Recorder lag = new Load.Recorder();

        private Webhooks(HttpServer server, String endpointId, StripeClient stripe) {
            this.server = server;
            this.endpointId = endpointId;
            this.stripe = stripe;
        }

        static Webhooks start(StripeClient stripe) throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            String[] secret = new String[1];
            Webhooks[] self = new Webhooks[1];
            server.createContext("/hook", exchange -> {
                String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = 200;
                try {
                    Webhook.constructEvent(payload, exchange.getRequestHeaders().getFirst("Stripe-Signature"),
                            secret[0]);
                    Matcher sentAt = SENT_AT.matcher(payload);
                    if (sentAt.find() && MEASURED.matcher(payload).find() && self[0] != null) {
                        self[0].lag.add((System.currentTimeMillis() - Long.parseLong(sentAt.group(1))) * 1000);
                    }
                } catch (Exception e) {
                    status = 400;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            var endpoint = stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                    .setUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/hook")
                    .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.PAYMENT_INTENT__SUCCEEDED).build());
            secret[0] = endpoint.getSecret();
            self[0] = new Webhooks(server, endpoint.getId(), stripe);
            return self[0];
        }

        void reset() {
            lag = new Load.Recorder();
        }

        long received() {
            return lag.count();
        }

        Load.Recorder lag() {
            return lag;
        }

        void stop() {
            try {
                stripe.v1().webhookEndpoints().delete(endpointId);
            } catch (Exception ignored) {
                // the endpoint only matters while the benchmark runs
            }
            server.stop(0);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }

    private SandboxBench() {
    }

}
