package dev.paydeck.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/** Load shapes and latency recording shared by the benchmarks (virtual threads; loopback targets only). */
final class Load {

    private Load() {
    }

    interface Call {
        void run() throws Exception;
    }

    /**
     * The most calls an open loop has in flight, like a client's connection pool: when the server falls behind, calls
     * wait for one of these (their latency still counts from their scheduled start) instead of each opening a
     * connection of its own, which made the load driver itself use a third of the machine.
     */
    static final int MAX_IN_FLIGHT = 64;

    /** A fixed arrival rate; latency counts from the scheduled start, so queueing is not hidden. */
    static void openLoop(int rate, Duration duration, Recorder recorder, Call call) throws InterruptedException {
        long intervalNanos = 1_000_000_000L / rate;
        long end = System.nanoTime() + duration.toNanos();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT, true);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long next = System.nanoTime(); next < end; next += intervalNanos) {
                long scheduled = next;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                executor.submit(() -> {
                    inFlight.acquireUninterruptibly();
                    try {
                        recorder.time(scheduled, call);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
    }

    /** {@code concurrency} callers, each starting its next call when the last one ends. */
    static void closedLoop(int concurrency, Duration duration, Recorder recorder, Call call)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                executor.submit(() -> {
                    while (System.nanoTime() < end) {
                        recorder.time(System.nanoTime(), call);
                    }
                });
            }
        }
    }

    /** Latencies in microseconds and error counts; prints one JSON line. */
    static final class Recorder {
        private final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        /** Each call's scheduled start (nanoTime) and latency in microseconds, for {@link #windows}. */
        private final ConcurrentLinkedQueue<long[]> timed = new ConcurrentLinkedQueue<>();
        private final AtomicLong errors = new AtomicLong();
        private volatile String lastError;

        void time(long startNanos, Call call) {
            try {
                call.run();
                long latency = (System.nanoTime() - startNanos) / 1_000;
                micros.add(latency);
                timed.add(new long[] {startNanos, latency});
            } catch (Exception e) {
                errors.incrementAndGet();
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }

        void add(long valueMicros) {
            micros.add(valueMicros);
        }

        long count() {
            return micros.size();
        }

        Map<String, Double> percentiles() {
            long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            Map<String, Double> result = new java.util.LinkedHashMap<>();
            for (double p : new double[] {50, 90, 99, 99.9}) {
                result.put("p" + (p == 99.9 ? "999" : String.valueOf((int) p)), percentile(sorted, p));
            }
            result.put("max", sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
            return result;
        }

        /** The {@code p}th percentile of the latencies, in milliseconds. */
        double percentile(double p) {
            return percentile(micros.stream().mapToLong(Long::longValue).sorted().toArray(), p);
        }

        private static double percentile(long[] sorted, double p) {
            return sorted.length == 0 ? 0
                    : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1000.0;
        }

        /**
         * The p99 latency in milliseconds of the calls started in each {@code seconds}-long window from
         * {@code startedNanos}: shows whether a tail is spread over the run or comes from a few bad moments.
         */
        List<Double> windows(long startedNanos, int seconds) {
            Map<Long, List<Long>> byWindow = new java.util.TreeMap<>();
            for (long[] call : timed) {
                byWindow.computeIfAbsent((call[0] - startedNanos) / (seconds * 1_000_000_000L),
                        window -> new ArrayList<>()).add(call[1]);
            }
            List<Double> result = new ArrayList<>();
            for (List<Long> latencies : byWindow.values()) {
                latencies.sort(null);
                result.add(Math.round(latencies.get((int) Math.ceil(0.99 * latencies.size()) - 1) / 100.0) / 10.0);
            }
            return result;
        }

        String json(String name, String load, long startedNanos, Map<String, Object> extra) {
            return json(name, load, (System.nanoTime() - startedNanos) / 1e9, extra);
        }

        /** The result line, with throughput over {@code seconds} of load. */
        String json(String name, String load, double seconds, Map<String, Object> extra) {
            StringBuilder out = new StringBuilder("{");
            out.append("\"scenario\":\"").append(name).append("\",\"load\":\"").append(load).append('"');
            out.append(",\"completed\":").append(count()).append(",\"errors\":").append(errors.get());
            out.append(",\"throughput_per_s\":").append(String.format(Locale.ROOT, "%.1f", count() / seconds));
            out.append(",\"latency_ms\":").append(map(percentiles()));
            extra.forEach((key, value) -> out.append(",\"").append(key).append("\":")
                    .append(value instanceof Map<?, ?> m ? map(m) : value instanceof List<?> list
                            ? list.toString().replace(" ", "") : value));
            if (lastError != null) {
                out.append(",\"last_error\":\"").append(lastError.replace("\"", "'")).append('"');
            }
            return out.append('}').toString();
        }

        private static String map(Map<?, ?> values) {
            List<String> parts = new ArrayList<>();
            values.forEach((key, value) -> parts.add("\"" + key + "\":" + (value instanceof Double d
                    ? String.format(Locale.ROOT, "%.2f", d) : value)));
            return "{" + String.join(",", parts) + "}";
        }
    }

    /** CPU time (user + system) a process has used so far, in milliseconds, from /proc (Linux). */
    static long cpuMillis(long pid) {
        String[] fields = stat(pid);
        return fields == null ? -1 : (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / 100;
    }

    /**
     * CPU time of a process and its children, in milliseconds: for PostgreSQL, the postmaster with its backends and
     * background workers (each a process of its own). A child that has ended is counted in the parent's figures for
     * ended children. -1 if the process is not there.
     */
    static long treeCpuMillis(long pid) {
        String[] parent = stat(pid);
        if (parent == null) {
            return -1;
        }
        long ticks = Long.parseLong(parent[11]) + Long.parseLong(parent[12]) + Long.parseLong(parent[13])
                + Long.parseLong(parent[14]);
        try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (var process : (Iterable<java.nio.file.Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    String[] child = stat(Long.parseLong(name));
                    if (child != null && Long.parseLong(child[1]) == pid) {
                        ticks += Long.parseLong(child[11]) + Long.parseLong(child[12]);
                    }
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return ticks * 1000 / 100;
    }

    /** The fields of /proc/{pid}/stat after the command name (state first), or null. */
    private static String[] stat(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The CPU figures of a measured phase, per unit of work: Paydeck's process (service and sandbox) and, given its
     * postmaster, PostgreSQL's processes.
     */
    record Cpu(long appPid, long postgresPid, long app, long postgres) {

        static Cpu start(long appPid, long postgresPid) {
            return new Cpu(appPid, postgresPid, appPid > 0 ? cpuMillis(appPid) : -1,
                    postgresPid > 0 ? treeCpuMillis(postgresPid) : -1);
        }

        /** Adds {@code app_cpu_ms_per_<unit>} and {@code postgres_cpu_ms_per_<unit>} to the result's figures. */
        void report(long units, String unit, Map<String, Object> extra) {
            long appNow = appPid > 0 ? cpuMillis(appPid) : -1;
            long postgresNow = postgresPid > 0 ? treeCpuMillis(postgresPid) : -1;
            if (units <= 0) {
                return;
            }
            if (app >= 0 && appNow >= 0) {
                extra.put("app_cpu_ms_per_" + unit, String.format(Locale.ROOT, "%.2f", (double) (appNow - app) / units));
            }
            if (postgres >= 0 && postgresNow >= 0) {
                extra.put("postgres_cpu_ms_per_" + unit, String.format(Locale.ROOT, "%.2f",
                        (double) (postgresNow - postgres) / units));
            }
        }
    }
}
