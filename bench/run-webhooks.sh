#!/usr/bin/env bash
# Stripe webhooks into Paydeck (issue "Webhooks"): signed payment_intent.succeeded events posted from concurrent
# senders on loopback; events accepted per second (verified, deduplicated, stored, 2xx), latency percentiles, how
# long the processing backlog takes to drain after the load, and CPU milliseconds per event.
#
# Environment: PORT (8080), CONCURRENCY (32), RATE (none: closed loop; N: a fixed N events/s, open loop),
# DURATION_SECONDS (20), WARMUP (40). The long warm-up measures the
# sustained rate: on a 2-core machine the JIT compiles for about a minute after the start, and a 5 s warm-up
# measured mostly compilation.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/app.sh"

classpath=$(paydeck_bench_classpath)
paydeck_start PAYDECK_DEMO_ENABLED=false
"$JAVA_HOME/bin/java" -cp "$classpath" dev.paydeck.bench.WebhookBench --base="$BASE_URL" \
    --concurrency="${CONCURRENCY:-32}" --rate="${RATE:-0}" --seconds="${DURATION_SECONDS:-20}" --warmup="${WARMUP:-40}" \
    --app-pid="$APP_PID"
