package dev.paydeck.bench;

import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.StripeSearchResult;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerSearchParams;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Customer search in a large sandbox account, through stripe-java: seeds {@code --customers} customers (100,000)
 * into one account with concurrent {@code customers.create} calls, then searches them at a fixed rate (open loop),
 * taking turns with four kinds of query a support tool or a sign-up flow sends: an exact email, a substring of a name,
 * a metadata value, a substring of a phone number. Every search must find its customer. Prints one JSON line with the
 * latency percentiles (from each search's scheduled start), and each kind's p99 of its own duration. Not a test: run
 * by {@code bench/run-sandbox-search.sh} against a running Paydeck (loopback only).
 */
public final class SearchBench {

    private static final String[] LAST_NAMES = {"Lovelace", "Hopper", "Turing", "Liskov", "Knuth", "Hamilton",
            "Dijkstra", "Ritchie", "Goldberg", "Allen", "Backus", "Kay", "Perlman", "Lamport", "Torvalds", "Wirth"};
    private static final List<String> KINDS = List.of("email", "name_substring", "metadata", "phone_substring");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        String base = options.getOrDefault("base", "http://127.0.0.1:8080/sandbox");
        int customers = Integer.parseInt(options.getOrDefault("customers", "100000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "20")));
        Duration settle = Duration.ofSeconds(Long.parseLong(options.getOrDefault("settle", "30")));
        StripeClient stripe = StripeClient.builder().setApiKey(options.get("key")).setApiBase(base)
                .setMaxNetworkRetries(0).build();

        long seedStarted = System.nanoTime();
        seed(stripe, customers, concurrency);
        double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;
        // Let autovacuum's analyze of the grown table finish before measuring, as it would on a long-lived account.
        Thread.sleep(settle.toMillis());

        Map<String, Load.Recorder> byKind = new LinkedHashMap<>();
        KINDS.forEach(kind -> byKind.put(kind, new Load.Recorder()));
        AtomicLong turn = new AtomicLong();
        AtomicLong empty = new AtomicLong();
        Load.Call search = () -> {
            String kind = KINDS.get((int) (turn.getAndIncrement() % KINDS.size()));
            int customer = ThreadLocalRandom.current().nextInt(customers);
            long sent = System.nanoTime();
            StripeSearchResult<Customer> result = stripe.v1().customers().search(CustomerSearchParams.builder()
                    .setQuery(query(kind, customer)).build());
            byKind.get(kind).add((System.nanoTime() - sent) / 1_000);
            if (result.getData().isEmpty()) {
                empty.incrementAndGet();
                throw new IllegalStateException("No customer found by " + query(kind, customer));
            }
        };
        Load.openLoop(rate, warmup, new Load.Recorder(), search);
        byKind.replaceAll((kind, recorder) -> new Load.Recorder());
        empty.set(0);
        Load.Recorder recorder = new Load.Recorder();
        long started = System.nanoTime();
        Load.openLoop(rate, duration, recorder, search);

        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("customers_in_account", customers);
        extra.put("seeded_in_s", String.format(java.util.Locale.ROOT, "%.1f", seedSeconds));
        Map<String, Double> p99ByKind = new LinkedHashMap<>();
        byKind.forEach((kind, kindRecorder) -> p99ByKind.put(kind, kindRecorder.percentiles().get("p99")));
        extra.put("p99_ms_by_kind", p99ByKind);
        extra.put("searches_finding_nothing", empty.get());
        extra.put("p99_ms_per_5s_window", recorder.windows(started, 5));
        System.out.println(recorder.json("customers.search", rate + " req/s open loop, " + customers
                + " customers in the account", started, extra));
    }

    /** The customer number {@code i}'s searchable fields; its query of each kind finds it (among few others). */
    private static CustomerCreateParams customer(int i) {
        return CustomerCreateParams.builder()
                .setEmail("customer" + i + "@example" + (i % 97) + ".com")
                .setName("Customer " + LAST_NAMES[i % LAST_NAMES.length] + " " + i)
                .setPhone(String.format("+1 555 %07d", i))
                .putMetadata("user_id", "user_" + i)
                .putMetadata("plan", i % 3 == 0 ? "pro" : "free")
                .build();
    }

    private static String query(String kind, int i) {
        return switch (kind) {
            case "email" -> "email:\"customer" + i + "@example" + (i % 97) + ".com\"";
            case "name_substring" -> "name~\"" + LAST_NAMES[i % LAST_NAMES.length].substring(2) + " " + i + "\"";
            case "metadata" -> "metadata['user_id']:'user_" + i + "'";
            default -> "phone~\"" + String.format("%07d", i) + "\"";
        };
    }

    /**
     * Creates the customers that the account lacks (a second run against the same account seeds nothing), from
     * concurrent callers, reporting progress on stderr.
     */
    private static void seed(StripeClient stripe, int customers, int concurrency) throws Exception {
        StripeSearchResult<Customer> existing = stripe.v1().customers().search(CustomerSearchParams.builder()
                .setQuery("metadata['plan']:'pro' OR metadata['plan']:'free'").setLimit(1L)
                .addExpand("total_count").build());
        AtomicInteger next = new AtomicInteger(existing.getTotalCount().intValue());
        AtomicLong failures = new AtomicLong();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < concurrency; worker++) {
                executor.submit(() -> {
                    for (int i = next.getAndIncrement(); i < customers; i = next.getAndIncrement()) {
                        while (true) {
                            try {
                                stripe.v1().customers().create(customer(i));
                                break;
                            } catch (Exception e) {
                                if (failures.incrementAndGet() > 100) {
                                    throw new IllegalStateException("Seeding failed", e);
                                }
                            }
                        }
                        if (i % 10_000 == 0) {
                            System.err.println("Seeded " + i + " customers");
                        }
                    }
                    return null;
                });
            }
        }
    }

    private SearchBench() {
    }
}
