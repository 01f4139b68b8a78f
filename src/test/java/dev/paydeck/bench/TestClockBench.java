package dev.paydeck.bench;

import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year of monthly renewals on one test clock (issue "Sandbox, part 3"): {@code subscriptions} customers on the
 * clock, each with a card and a monthly subscription, then the clock advanced twelve months (two months per advance,
 * the most Stripe allows with monthly subscriptions), timed until the clock is {@code ready} again; then until every
 * webhook of the year has reached a local endpoint (signatures verified). Prints one JSON line. Not a test: run by
 * {@code bench/run-testclock.sh} against a running Paydeck (loopback only).
 */
public final class TestClockBench {

    private static final Pattern EVENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"(evt_[A-Za-z0-9]+)\"");

    public static void main(String[] args) throws Exception {
        // The webhook receiver's threads would keep the JVM running after a failure: exit either way.
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
        String base = options.getOrDefault("base", "http://127.0.0.1:8080/sandbox");
        int subscriptions = Integer.parseInt(options.getOrDefault("subscriptions", "1000"));
        int months = Integer.parseInt(options.getOrDefault("months", "12"));
        StripeClient stripe = StripeClient.builder().setApiKey(options.get("key")).setApiBase(base)
                .setMaxNetworkRetries(2).build();

        Set<String> delivered = ConcurrentHashMap.newKeySet();
        AtomicLong lastDelivery = new AtomicLong();
        HttpServer server = receiver(delivered, lastDelivery);
        var endpoint = stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .setUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/hook")
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL).build());
        Receiver.secret = endpoint.getSecret();

        long start = Instant.now().getEpochSecond();
        TestClock clock = stripe.v1().testHelpers().testClocks().create(TestClockCreateParams.builder()
                .setFrozenTime(start).setName("bench").build());
        Price price = stripe.v1().prices().create(PriceCreateParams.builder().setCurrency("usd").setUnitAmount(1500L)
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                .setProductData(PriceCreateParams.ProductData.builder().setName("Bench plan").build()).build());
        long setUpStarted = System.nanoTime();
        Semaphore parallel = new Semaphore(16);
        List<Future<Object>> made = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < subscriptions; i++) {
                int n = i;
                made.add(executor.submit(() -> {
                    parallel.acquireUninterruptibly();
                    try {
                        subscribe(stripe, clock.getId(), price.getId(), n);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
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
        double setUpSeconds = (System.nanoTime() - setUpStarted) / 1e9;
        delivered.clear();

        long advanceStarted = System.nanoTime();
        long frozen = start;
        for (int step = 0; step < months; step += 2) {
            // Two months at most: the limit Stripe sets with monthly subscriptions on the clock.
            frozen = Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC).plusMonths(Math.min(step + 2, months))
                    .toEpochSecond();
            stripe.v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder()
                    .setFrozenTime(frozen).build());
            while (!"ready".equals(stripe.v1().testHelpers().testClocks().retrieve(clock.getId()).getStatus())) {
                Thread.sleep(100);
            }
        }
        double advanceSeconds = (System.nanoTime() - advanceStarted) / 1e9;

        // Every webhook of the year delivered: wait until none has arrived for 10 s (at most 10 minutes).
        long waitEnd = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < waitEnd && System.nanoTime() - Math.max(lastDelivery.get(), advanceStarted)
                < 10_000_000_000L) {
            Thread.sleep(500);
        }
        double deliveredSeconds = (lastDelivery.get() - advanceStarted) / 1e9;

        long invoices = 0;
        long paid = 0;
        for (Invoice invoice : stripe.v1().invoices().list(InvoiceListParams.builder().setLimit(100L).build())
                .autoPagingIterable()) {
            invoices++;
            if ("paid".equals(invoice.getStatus())) {
                paid++;
            }
        }
        // The sandbox's own account of it: no event of the account still has a webhook pending.
        long events = 0;
        long eventsPending = 0;
        for (Event event : stripe.v1().events().list(EventListParams.builder().setLimit(100L).build())
                .autoPagingIterable()) {
            events++;
            if (event.getPendingWebhooks() != null && event.getPendingWebhooks() > 0) {
                eventsPending++;
            }
        }
        server.stop(0);
        System.out.printf("{\"benchmark\":\"test clock: %d monthly subscriptions, %d months\",\"setup_seconds\":%.1f,"
                        + "\"advance_seconds\":%.1f,\"webhooks_delivered_seconds\":%.1f,\"events_delivered\":%d,"
                        + "\"invoices\":%d,\"invoices_paid\":%d,\"expected_invoices\":%d,\"events\":%d,"
                        + "\"events_with_webhooks_pending\":%d}%n", subscriptions, months,
                setUpSeconds, advanceSeconds, deliveredSeconds, delivered.size(), invoices, paid,
                (long) subscriptions * (months + 1), events, eventsPending);
    }

    private static void subscribe(StripeClient stripe, String clock, String price, int n) throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder()
                .setEmail("bench-" + n + "@example.com").setTestClock(clock).build());
        String card = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder()
                .setCustomer(customer.getId()).build()).getId();
        stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .setDefaultPaymentMethod(card)
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(price).build()).build());
    }

    /** The webhook endpoint: verifies each delivery's signature and records its event once. */
    private static final class Receiver {
        static volatile String secret;
    }

    private static HttpServer receiver(Set<String> delivered, AtomicLong lastDelivery) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.createContext("/hook", exchange -> {
            String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 200;
            try {
                Webhook.constructEvent(payload, exchange.getRequestHeaders().getFirst("Stripe-Signature"),
                        Receiver.secret);
                Matcher id = EVENT_ID.matcher(payload);
                if (id.find()) {
                    delivered.add(id.group(1));
                }
                lastDelivery.set(System.nanoTime());
            } catch (Exception e) {
                status = 400;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }

    private TestClockBench() {
    }
}
