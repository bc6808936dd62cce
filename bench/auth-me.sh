#!/usr/bin/env bash
# Throughput and latency of an authenticated request: GET /auth/me with a JWT access token and
# with an API token, against GET /version (no credentials) as the baseline of the same run.
#   bench/auth-me.sh [seconds]     (default 20 s per case, after a 10 s warm-up)
# Loopback only, wrk with 2 threads and 16 connections, plain HTTP (TLS is measured separately),
# rate limits off so that the budget is not what is measured.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${1:-20}"
PORT="${BENCH_PORT:-14080}"
BASE="http://127.0.0.1:$PORT"
EMAIL="bench@example.com"
PASSWORD="Bench-Passw0rd!"

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
"$ROOT/quantra" build >/dev/null 2>&1 || true

work=$(mktemp -d)
QUANTRA_DATA_DIR="$work/data" QUANTRA_PORT="$PORT" QUANTRA_TLS=off QUANTRA_MANAGEMENT_PORT=0 \
	QUANTRA_RATE_LIMITS_ENABLED=false QUANTRA_ADMIN_EMAIL="$EMAIL" QUANTRA_ADMIN_PASSWORD="$PASSWORD" \
	"$ROOT/quantra" serve >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do curl -sf "$BASE/version" >/dev/null 2>&1 && break; sleep 0.1; done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
access=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" \
	"$BASE/auth/login" | json access_token)
api_token=$(curl -sf -H 'Content-Type: application/json' -H "Authorization: Bearer $access" \
	-d '{"name":"bench"}' "$BASE/account/api-tokens" | json token)

run() { # name, then extra wrk arguments
	local name="$1"
	shift
	wrk -t2 -c16 -d10s "$@" >/dev/null 2>&1 # warm-up
	wrk -t2 -c16 -d"${DURATION}s" --latency "$@" >"$work/$name.txt"
	local rps p99 errors
	rps=$(awk '/Requests\/sec/ {print int($2)}' "$work/$name.txt")
	p99=$(awk '$1 == "99%" {print $2}' "$work/$name.txt")
	errors=$(awk '/Non-2xx/ {print $5}' "$work/$name.txt")
	printf '%-22s %10s req/s   p99 %8s   non-2xx %s\n' "$name" "$rps" "$p99" "${errors:-0}"
	echo "$rps" >"$work/$name.rps"
}

echo "GET, 16 connections, ${DURATION}s each, on $(nproc) cores"
# the baseline runs twice, first to warm the JIT, and counts the second time
run version-warm "$BASE/version" >/dev/null
run auth-me-jwt -H "Authorization: Bearer $access" "$BASE/auth/me"
run auth-me-api-token -H "X-API-Key: $api_token" "$BASE/auth/me"
run version "$BASE/version"
base=$(cat "$work/version.rps")
for name in auth-me-jwt auth-me-api-token; do
	awk -v r="$(cat "$work/$name.rps")" -v b="$base" -v n="$name" 'BEGIN {printf "%s / version = %.2f\n", n, r / b}'
done
