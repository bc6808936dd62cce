#!/usr/bin/env bash
# Start-up benchmark of the embedded default: time from launching `./quantra serve` until
# GET /version answers, and the server's resident memory once idle.
#   bench/startup.sh [runs]        (default 5 runs; the jar is built first if needed)
# Each run starts on a fresh data directory (cold: certificate, schema and admin account are
# created) and then once more on the same directory (warm: an ordinary restart).
# BENCH_BASELINE=1 starts the plain fat jar instead (no unpacking, no class-data sharing), to
# compare against in the same session.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
PORT="${BENCH_PORT:-14443}"
MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-19464}"

"$ROOT/quantra" build >/dev/null 2>&1 || true
[[ -f "$ROOT/quantra-server/target/quantra-server.jar" ]] || { echo "build failed" >&2; exit 1; }

now_ms() { date +%s%3N; }

# Starts the server on $1 (data dir), prints "<ready_ms> <idle_rss_mb>", then stops it.
measure() {
	local data="$1" log="$1.log"
	local started ready pid rss
	started=$(now_ms)
	if [[ -n "${BENCH_BASELINE:-}" ]]; then
		QUANTRA_DATA_DIR="$data" QUANTRA_PORT="$PORT" QUANTRA_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
			java -Xms64m -Xmx1g -XX:+UseG1GC -jar "$ROOT/quantra-server/target/quantra-server.jar" >"$log" 2>&1 &
	else
		QUANTRA_DATA_DIR="$data" QUANTRA_PORT="$PORT" QUANTRA_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
			"$ROOT/quantra" serve >"$log" 2>&1 &
	fi
	pid=$!
	for _ in $(seq 1 600); do
		if curl -skf "https://localhost:$PORT/version" >/dev/null 2>&1; then
			ready=$(now_ms)
			break
		fi
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "server exited; see $log" >&2
			exit 1
		fi
		sleep 0.05
	done
	[[ -n "${ready:-}" ]] || { kill "$pid"; echo "server not ready after 30 s; see $log" >&2; exit 1; }
	sleep 5 # let start-up work settle before reading idle memory
	rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	echo "$((ready - started)) $rss"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-5s %-14s %-14s %-14s %-14s\n' run cold_ready_ms cold_rss_mb warm_ready_ms warm_rss_mb
cold_ready=() warm_ready=() warm_rss=()
for run in $(seq 1 "$RUNS"); do
	read -r c_ms c_rss < <(measure "$work/data-$run")
	read -r w_ms w_rss < <(measure "$work/data-$run")
	printf '%-5s %-14s %-14s %-14s %-14s\n' "$run" "$c_ms" "$c_rss" "$w_ms" "$w_rss"
	cold_ready+=("$c_ms") warm_ready+=("$w_ms") warm_rss+=("$w_rss")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: cold ready $(median "${cold_ready[@]}") ms, warm ready $(median "${warm_ready[@]}") ms, idle RSS $(median "${warm_rss[@]}") MB"
