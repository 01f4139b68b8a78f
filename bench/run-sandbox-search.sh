#!/usr/bin/env bash
# Customer search in the sandbox (issue 15, point 4): one account with 100,000 customers, seeded through
# customers.create from concurrent callers, then GET /v1/customers/search through stripe-java at a fixed rate (open
# loop), taking turns with an exact email, a name substring, a metadata value and a phone substring. Prints one JSON
# line. The sandbox's rate limit is switched off for the run.
#
# Environment: PORT (8080), CUSTOMERS (100000), CONCURRENCY (16, while seeding), RATE (50), DURATION_SECONDS (60),
# WARMUP (20), SETTLE (30: seconds between seeding and the warm-up, for autovacuum's analyze of the grown table).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/app.sh"

classpath=$(paydeck_bench_classpath)
paydeck_start PAYDECK_SANDBOX_RATE_LIMIT=0 PAYDECK_DEMO_ENABLED=false
key=$(curl -fsS -X POST "$BASE_URL/sandbox/accounts?name=bench" | sed -n 's/.*"secret_key":"\([^"]*\)".*/\1/p')

"$JAVA_HOME/bin/java" -Dhttp.maxConnections=64 -cp "$classpath" dev.paydeck.bench.SearchBench \
    --base="$BASE_URL/sandbox" --key="$key" --customers="${CUSTOMERS:-100000}" --concurrency="${CONCURRENCY:-16}" \
    --rate="${RATE:-50}" --seconds="${DURATION_SECONDS:-60}" --warmup="${WARMUP:-20}" --settle="${SETTLE:-30}"
