#!/usr/bin/env bash
# Stripe webhooks into Paydeck (issue "Webhooks"): signed payment_intent.succeeded events posted from concurrent
# senders on loopback; events accepted per second (verified, deduplicated, stored, 2xx), latency percentiles, how
# long the processing backlog takes to drain after the load, and CPU milliseconds per event.
#
# Environment: PORT (8080), CONCURRENCY (32), RATE (none: closed loop; N: a fixed N events/s, open loop),
# DURATION_SECONDS (20), WARMUP (300). The long warm-up measures the sustained rate: on this 2-core machine the JIT
# compilers are still busy minutes after the start (a third of Paydeck's CPU 80 s into a 1,000 events/s run, by
# async-profiler), so a short warm-up measures mostly compilation.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/app.sh"

classpath=$(paydeck_bench_classpath)
paydeck_start PAYDECK_DEMO_ENABLED=false
"$JAVA_HOME/bin/java" -cp "$classpath" dev.paydeck.bench.WebhookBench --base="$BASE_URL" \
    --concurrency="${CONCURRENCY:-32}" --rate="${RATE:-0}" --seconds="${DURATION_SECONDS:-20}" --warmup="${WARMUP:-300}" \
    --app-pid="$APP_PID" --postgres-pid="$POSTGRES_PID"
