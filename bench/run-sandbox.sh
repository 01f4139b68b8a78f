#!/usr/bin/env bash
# The sandbox under load through stripe-java, as a program using Stripe would load it (issue "Sandbox, part 1"):
#   1. customers.create at a fixed 50 requests/s (open loop): latency percentiles;
#   2. create + confirm PaymentIntent flows from concurrent callers (closed loop): flows/s, and the lag of the
#      signed payment_intent.succeeded webhooks received by a local endpoint.
# Prints one JSON line per scenario. The sandbox's rate limit is switched off for the run.
#
# The flows run first, after a long warm-up (WARMUP, 120 s): on this 2-core machine the JIT compilers are busy for
# the first minute or two of load, and the targets are sustained rates. customers.create then follows on the warm
# application, after a short warm-up of its own (10 s).
#
# Environment: PORT (8080), RATE (50), CONCURRENCY (16), DURATION_SECONDS (30), WARMUP (120).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/app.sh"

classpath=$(paydeck_bench_classpath)
paydeck_start PAYDECK_SANDBOX_RATE_LIMIT=0 PAYDECK_DEMO_ENABLED=false
key=$(curl -fsS -X POST "$BASE_URL/sandbox/accounts?name=bench" | sed -n 's/.*"secret_key":"\([^"]*\)".*/\1/p')

for scenario in payments customers; do
    warmup=$([[ $scenario == payments ]] && echo "${WARMUP:-120}" || echo 10)
    "$JAVA_HOME/bin/java" -Dhttp.maxConnections=64 -cp "$classpath" dev.paydeck.bench.SandboxBench --base="$BASE_URL/sandbox" \
        --key="$key" --scenario=$scenario --rate="${RATE:-50}" --concurrency="${CONCURRENCY:-16}" \
        --seconds="${DURATION_SECONDS:-30}" --warmup="$warmup"
done
