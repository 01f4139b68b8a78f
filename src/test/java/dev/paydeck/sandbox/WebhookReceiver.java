package dev.paydeck.sandbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * A webhook endpoint for tests: an HTTP server on 127.0.0.1 that records every request it gets and answers with
 * the status codes it is told (200 unless told otherwise).
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String body, Map<String, List<String>> headers, Instant at) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile IntSupplier status = () -> 200;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, Map.copyOf(exchange.getRequestHeaders()), Instant.now()));
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    }

    /** Answers with these status codes in turn, then 200. */
    void answer(int... statuses) {
        var remaining = new java.util.concurrent.atomic.AtomicInteger();
        status = () -> {
            int index = remaining.getAndIncrement();
            return index < statuses.length ? statuses[index] : 200;
        };
    }

    void alwaysAnswer(int statusCode) {
        status = () -> statusCode;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until at least {@code count} requests arrived. */
    List<Received> await(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (received.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        if (received.size() < count) {
            throw new AssertionError("Expected " + count + " webhook requests within " + timeout + ", got "
                    + received.size());
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
