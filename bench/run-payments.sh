#!/usr/bin/env bash
# Payments through Paydeck's REST API with its sandbox as Stripe (issue "Accounts, organizations ... payments"):
# signs up, creates an organization (with its own sandbox account) and an API key, then create+confirm payments
# two ways, each printing one JSON line (payments/s, latency percentiles, and the CPU milliseconds the Paydeck
# process, service and sandbox together as they run in one process, spent per payment):
#   1. at a fixed RATE (open loop, latency from each payment's scheduled start): the latency at the target rate,
#      with the p99 of every 5 s, after a long warm-up at that same rate (WARMUP, 300 s: on this 2-core machine
#      under load, `jstat -compiler` shows the JIT compilers busy for about four and a half minutes after the start
#      — 0.2-0.3 of a core still two minutes in);
#   2. from concurrent callers (closed loop): the most it sustains.
#
# Environment: PORT (8080), CONCURRENCY (16), RATE (150), DURATION_SECONDS (60), WARMUP (300).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/app.sh"

classpath=$(paydeck_bench_classpath)
paydeck_start PAYDECK_SANDBOX_RATE_LIMIT=0 PAYDECK_DEMO_ENABLED=false
for rate in "${RATE:-150}" 0; do
    warmup=$([[ $rate == 0 ]] && echo 10 || echo "${WARMUP:-300}")
    "$JAVA_HOME/bin/java" -cp "$classpath" dev.paydeck.bench.PaymentsApiBench --base="$BASE_URL" \
        --concurrency="${CONCURRENCY:-16}" --rate="$rate" --seconds="${DURATION_SECONDS:-60}" --warmup="$warmup" \
        --app-pid="$APP_PID" --postgres-pid="$POSTGRES_PID"
done
