#!/usr/bin/env bash
# Payments through Paydeck's REST API with its sandbox as Stripe (issue "Accounts, organizations ... payments"):
# signs up, creates an organization (with its own sandbox account) and an API key, then create+confirm payments
# from concurrent callers. Prints one JSON line: payments/s, latency percentiles, and the CPU milliseconds the
# Paydeck process (service and sandbox together, as they run in one process) spent per payment.
#
# Environment: PORT (8080), CONCURRENCY (16), DURATION_SECONDS (30), WARMUP (10).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/app.sh"

classpath=$(paydeck_bench_classpath)
paydeck_start PAYDECK_SANDBOX_RATE_LIMIT=0 PAYDECK_DEMO_ENABLED=false
"$JAVA_HOME/bin/java" -Dhttp.maxConnections=64 -cp "$classpath" dev.paydeck.bench.PaymentsApiBench --base="$BASE_URL" \
    --concurrency="${CONCURRENCY:-16}" --seconds="${DURATION_SECONDS:-30}" --warmup="${WARMUP:-10}" \
    --app-pid="$APP_PID"
