#!/usr/bin/env bash
# A year of monthly renewals on one sandbox test clock (issue "Sandbox, part 3"): SUBSCRIPTIONS customers (1,000) on
# the clock, each with a card and a monthly subscription; the clock advanced 12 months (two per advance, as Stripe
# allows with monthly subscriptions) and timed until it is ready again, then until every webhook of that year has
# reached a local endpoint. Prints one JSON line: advance_seconds (goal ≤ 60), webhooks_delivered_seconds, the
# events delivered, the invoices made and paid (13 per subscription: the first and twelve renewals), and the account's
# events with the number of them that still have a webhook pending (0: the sandbox has delivered every one).
#
# Environment: PORT (8080), SUBSCRIPTIONS (1000), MONTHS (12).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/app.sh"

classpath=$(paydeck_bench_classpath)
paydeck_start PAYDECK_SANDBOX_RATE_LIMIT=0 PAYDECK_DEMO_ENABLED=false
key=$(curl -fsS -X POST "$BASE_URL/sandbox/accounts?name=bench" | sed -n 's/.*"secret_key":"\([^"]*\)".*/\1/p')
"$JAVA_HOME/bin/java" -Dhttp.maxConnections=64 -cp "$classpath" dev.paydeck.bench.TestClockBench \
    --base="$BASE_URL/sandbox" --key="$key" --subscriptions="${SUBSCRIPTIONS:-1000}" --months="${MONTHS:-12}"
