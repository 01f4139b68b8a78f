import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Paydeck's HTTP load driver: sends requests to one loopback URL for a fixed time and prints one JSON line with
 * throughput and latency percentiles. A single source file with no dependencies, run without a build:
 *
 * <pre>
 * java bench/LoadDriver.java --url http://127.0.0.1:8080/health --duration 20s --concurrency 32 --warmup 5s
 * </pre>
 *
 * Closed loop by default: {@code --concurrency} workers each send the next request as soon as the previous one is
 * answered (maximum throughput). With {@code --rate N} it is open loop: requests are due at a fixed rate, and each
 * latency is measured from the moment the request was due, so a slow server shows as latency instead of silently
 * lowering the rate (no coordinated omission). See bench/README.md.
 */
public class LoadDriver {

    public static void main(String[] args) throws Exception {
        LoadDriver driver;
        try {
            driver = new LoadDriver(Options.parse(args));
        } catch (IllegalArgumentException e) {
            System.err.println("load-driver: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        System.out.println(driver.run().toJson());
    }

    private final Options options;
    private final HttpClient client;
    private final HttpRequest request;
    private final AtomicBoolean failureReported = new AtomicBoolean();

    LoadDriver(Options options) {
        this.options = options;
        this.request = options.request();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    Result run() throws InterruptedException {
        if (!options.warmup().isZero()) {
            System.err.printf("load-driver: warming up for %s%n", describe(options.warmup()));
            runPhase(options.warmup());
        }
        System.err.printf("load-driver: measuring %s %s for %s with %d workers%s%n", options.method(), options.url(),
                describe(options.duration()), options.concurrency(),
                options.rate() > 0 ? " at " + options.rate() + " requests/s" : "");
        Result result = runPhase(options.duration());
        long due = Math.round(options.rate() * options.duration().toMillis() / 1000.0);
        if (options.rate() > 0 && result.responses() + result.errors() < due * 0.95) {
            System.err.printf("load-driver: sent only %d of the %d requests due: the driver or the server could not "
                    + "keep up (raise --concurrency, or lower --rate)%n", result.responses() + result.errors(), due);
        }
        return result;
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    /** Runs the workers for {@code length}; in-flight requests finish (or time out) before it returns. */
    private Result runPhase(Duration length) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + length.toNanos();
        AtomicLong nextSlot = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < options.concurrency(); i++) {
            Worker worker = new Worker(start, end, nextSlot);
            workers.add(worker);
            threads.submit(worker);
        }
        threads.shutdown();
        // Every request has a timeout, so this only trips if something is badly wrong.
        Duration bound = length.plus(options.timeout()).plusSeconds(10);
        if (!threads.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            System.err.println("load-driver: workers did not stop in time; interrupting them");
            threads.shutdownNow();
            threads.awaitTermination(5, TimeUnit.SECONDS);
        }
        double elapsedSeconds = (System.nanoTime() - start) / 1e9;
        return Result.of(options, workers, elapsedSeconds);
    }

    /** One worker: sends requests one after the other, recording latencies in microseconds. */
    private final class Worker implements Runnable {

        private final long start;
        private final long end;
        private final AtomicLong nextSlot;
        long[] latenciesMicros = new long[1024];
        int count;
        long errors;
        long non2xx;

        Worker(long start, long end, AtomicLong nextSlot) {
            this.start = start;
            this.end = end;
            this.nextSlot = nextSlot;
        }

        @Override
        public void run() {
            long interval = options.rate() > 0 ? Math.max(1, 1_000_000_000L / options.rate()) : 0;
            while (!Thread.currentThread().isInterrupted()) {
                long due;
                if (interval > 0) {
                    due = start + nextSlot.getAndIncrement() * interval;
                    // Stop at the end even with a backlog of due requests, so a phase is bounded in time.
                    if (due >= end || System.nanoTime() >= end) {
                        return;
                    }
                    waitUntil(due);
                } else {
                    due = System.nanoTime();
                    if (due >= end) {
                        return;
                    }
                }
                try {
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    record((System.nanoTime() - due) / 1_000);
                    if (response.statusCode() < 200 || response.statusCode() > 299) {
                        non2xx++;
                    }
                } catch (IOException e) {
                    errors++;
                    if (failureReported.compareAndSet(false, true)) {
                        System.err.println("load-driver: request failed: " + e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void record(long micros) {
            if (count == latenciesMicros.length) {
                latenciesMicros = Arrays.copyOf(latenciesMicros, count * 2);
            }
            latenciesMicros[count++] = micros;
        }

        private static void waitUntil(long due) {
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        }
    }

    /** What one measured phase produced. Latencies include only requests that got a response. */
    record Result(Options options, double durationSeconds, long responses, long errors, long non2xx,
            long[] sortedLatenciesMicros) {

        static Result of(Options options, List<Worker> workers, double durationSeconds) {
            long errors = 0;
            long non2xx = 0;
            int total = 0;
            for (Worker worker : workers) {
                errors += worker.errors;
                non2xx += worker.non2xx;
                total += worker.count;
            }
            long[] all = new long[total];
            int offset = 0;
            for (Worker worker : workers) {
                System.arraycopy(worker.latenciesMicros, 0, all, offset, worker.count);
                offset += worker.count;
            }
            Arrays.sort(all);
            return new Result(options, durationSeconds, total, errors, non2xx, all);
        }

        /** Nearest-rank percentile in milliseconds; 0 when nothing was answered. */
        double percentileMillis(double percentile) {
            if (sortedLatenciesMicros.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * sortedLatenciesMicros.length);
            int index = Math.min(sortedLatenciesMicros.length - 1, Math.max(0, rank - 1));
            return sortedLatenciesMicros[index] / 1000.0;
        }

        String toJson() {
            StringBuilder json = new StringBuilder("{");
            json.append("\"url\":").append(quote(options.url().toString()));
            json.append(",\"method\":").append(quote(options.method()));
            json.append(",\"concurrency\":").append(options.concurrency());
            if (options.rate() > 0) {
                json.append(",\"target_rps\":").append(options.rate());
            }
            json.append(",\"duration_s\":").append(format(durationSeconds));
            json.append(",\"requests\":").append(responses + errors);
            json.append(",\"errors\":").append(errors);
            json.append(",\"non_2xx\":").append(non2xx);
            json.append(",\"throughput_rps\":").append(format(responses / durationSeconds));
            json.append(",\"latency_ms\":{");
            json.append("\"p50\":").append(format(percentileMillis(50)));
            json.append(",\"p90\":").append(format(percentileMillis(90)));
            json.append(",\"p99\":").append(format(percentileMillis(99)));
            json.append(",\"p999\":").append(format(percentileMillis(99.9)));
            json.append(",\"max\":").append(format(percentileMillis(100)));
            return json.append("}}").toString();
        }

        private static String format(double value) {
            return String.format(Locale.ROOT, "%.3f", value);
        }

        private static String quote(String value) {
            StringBuilder quoted = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> quoted.append("\\\"");
                    case '\\' -> quoted.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            quoted.append(String.format("\\u%04x", (int) c));
                        } else {
                            quoted.append(c);
                        }
                    }
                }
            }
            return quoted.append('"').toString();
        }
    }

    /** The command line. */
    record Options(URI url, Duration duration, int concurrency, long rate, Duration warmup, String method,
            byte[] body, List<String[]> headers, Duration timeout) {

        static final String USAGE = """
                usage: java bench/LoadDriver.java --url http://127.0.0.1:8080/health [options]
                  --duration 20s      how long to measure (ms, s, m; a bare number is seconds)  default 20s
                  --concurrency 32    workers, i.e. requests in flight at most                default 32
                  --rate N            open loop: N requests/s in total; omit for closed loop (max throughput)
                  --warmup 5s         load sent before measuring, not counted                 default 0s
                  --method GET        HTTP method                                             default GET
                  --body-file f       request body read from file f
                  --header 'K: V'     request header; repeat for several
                  --timeout 10s       per-request timeout                                     default 10s
                The URL must be a loopback address (localhost, 127.0.0.1, ::1).""";

        static Options parse(String[] args) {
            URI url = null;
            Duration duration = Duration.ofSeconds(20);
            int concurrency = 32;
            long rate = 0;
            Duration warmup = Duration.ZERO;
            String method = "GET";
            byte[] body = null;
            List<String[]> headers = new ArrayList<>();
            Duration timeout = Duration.ofSeconds(10);
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help") || name.equals("-h")) {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--url" -> url = URI.create(value);
                    case "--duration" -> duration = parseDuration(value);
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--rate" -> rate = Long.parseLong(value);
                    case "--warmup" -> warmup = parseDuration(value);
                    case "--method" -> method = value.toUpperCase(Locale.ROOT);
                    case "--body-file" -> body = read(Path.of(value));
                    case "--header" -> headers.add(parseHeader(value));
                    case "--timeout" -> timeout = parseDuration(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("--url is required");
            }
            requireLoopback(url);
            if (duration.isZero() || duration.isNegative() || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("--duration and --timeout must be positive");
            }
            if (warmup.isNegative()) {
                throw new IllegalArgumentException("--warmup must not be negative");
            }
            if (concurrency < 1) {
                throw new IllegalArgumentException("--concurrency must be at least 1");
            }
            if (rate < 0) {
                throw new IllegalArgumentException("--rate must be positive");
            }
            return new Options(url, duration, concurrency, rate, warmup, method, body, headers, timeout);
        }

        HttpRequest request() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(timeout)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String[] header : headers) {
                try {
                    builder.header(header[0], header[1]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("header '" + header[0] + "' cannot be set: " + e.getMessage());
                }
            }
            return builder.build();
        }

        /** This driver is for measuring a local Paydeck only; it never sends load anywhere else. */
        private static void requireLoopback(URI url) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("--url must be an http(s) URL with a host: " + url);
            }
            try {
                for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                    if (!address.isLoopbackAddress()) {
                        throw new IllegalArgumentException("--url must point at a loopback address, but "
                                + url.getHost() + " is " + address.getHostAddress());
                    }
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown host " + url.getHost());
            }
        }

        private static Duration parseDuration(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (text.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                }
                if (text.endsWith("s")) {
                    return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
                }
                if (text.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
                }
                return Duration.ofSeconds(Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a duration: " + value + " (use e.g. 500ms, 20s, 2m)");
            }
        }

        private static String[] parseHeader(String value) {
            int colon = value.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("header must look like 'Name: value', got: " + value);
            }
            return new String[] {value.substring(0, colon).trim(), value.substring(colon + 1).trim()};
        }

        private static byte[] read(Path file) {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --body-file " + file + ": " + e.getMessage());
            }
        }
    }
}
