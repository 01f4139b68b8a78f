package dev.paydeck.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Payments through Paydeck's own REST API, with its sandbox as Stripe: sign up, create an organization and an API
 * key, then create+confirm payments ({@code pm_card_visa}) from concurrent callers, or at a fixed rate
 * ({@code --rate}). Prints one JSON line with
 * payments per second, latency percentiles and, given {@code --app-pid}, the CPU milliseconds the Paydeck process
 * (service and sandbox together) spent per payment. Not a test: run by {@code bench/run-payments.sh}.
 */
public final class PaymentsApiBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        String base = options.getOrDefault("base", "http://127.0.0.1:8080");
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        // With --rate: the measured phase is an open loop at that many payments per second (latency counted from
        // each payment's scheduled start); without: a closed loop of concurrent callers, for the most it can do.
        int rate = Integer.parseInt(options.getOrDefault("rate", "0"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        long pid = Long.parseLong(options.getOrDefault("app-pid", "-1"));
        long postgresPid = Long.parseLong(options.getOrDefault("postgres-pid", "-1"));

        String apiKey = setUp(base);
        String body = "{\"amount\":2000,\"currency\":\"usd\",\"payment_method\":\"pm_card_visa\",\"confirm\":true}";
        LoopbackHttp http = new LoopbackHttp(base);
        Load.Call pay = () -> {
            LoopbackHttp.Response response = http.post("/api/v1/payment-intents", Map.of(
                    "Authorization", "Bearer " + apiKey, "Content-Type", "application/json",
                    "Idempotency-Key", UUID.randomUUID().toString()), body);
            if (response.status() != 201 || !response.body().contains("\"succeeded\"")) {
                throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
            }
        };
        // The warm-up has the measured phase's shape (as WebhookBench's): at a fixed rate, that rate. A closed loop
        // runs the machine flat out (over 200 payments/s), which is not the state whose latency is measured.
        if (rate > 0) {
            Load.openLoop(rate, warmup, new Load.Recorder(), pay);
        } else {
            Load.closedLoop(concurrency, warmup, new Load.Recorder(), pay);
        }
        Load.Recorder recorder = new Load.Recorder();
        Load.Cpu cpu = Load.Cpu.start(pid, postgresPid);
        long started = System.nanoTime();
        if (rate > 0) {
            Load.openLoop(rate, duration, recorder, pay);
        } else {
            Load.closedLoop(concurrency, duration, recorder, pay);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        cpu.report(recorder.count(), "payment", extra);
        extra.put("p99_ms_per_5s", recorder.windows(started, 5));
        System.out.println(recorder.json("paydeck POST /api/v1/payment-intents (create+confirm)",
                rate > 0 ? rate + " payments/s open loop" : concurrency + " concurrent callers", started, extra));
    }

    private static String setUp(String base) throws Exception {
        String token = BenchApi.personToken(base);
        String organization = BenchApi.post(base + "/api/v1/organizations", token, "{\"name\":\"Bench shop\"}")
                .get("id").asString();
        return BenchApi.post(base + "/api/v1/organizations/" + organization + "/api-keys", token,
                "{\"name\":\"bench\",\"role\":\"admin\"}").get("secret").asString();
    }

    private PaymentsApiBench() {
    }
}
