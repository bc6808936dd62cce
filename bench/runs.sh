#!/usr/bin/env bash
# Completed, persisted runs per second: POST /projects/{id}/run?wait=10 of a 3-node pipeline
# (inputs -> text_template -> text_template) under 16 concurrent clients, each answered only
# when its run has ended and is stored. Counts the runs the server stored as completed.
#   bench/runs.sh [h2|postgres] [seconds] [warm-up seconds]     (defaults h2 20 200)
# The warm-up lets the JIT compile the paths of a run: a cold server is several times slower. On
# 2 cores under this load the compiler settles only after about 160 s (-XX:+PrintCompilation:
# 13,600 compilations in the first 20 s, 150 between 160 and 180 s); measuring earlier counts the
# compiler's CPU against the runs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DATABASE="${1:-h2}"
DURATION="${2:-20}"
WARMUP="${3:-200}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

start_server "$DATABASE"
access=$(sign_in)
token=$(api_token "$access")
post() { curl -sf -H 'Content-Type: application/json' -H "X-API-Key: $token" -d "$2" "$BASE$1"; }
project=$(post /projects '{"name":"bench runs"}' | json id)
node() { post "/projects/$project/nodes" "{\"node_type\":\"$1\",\"plugin_id\":\"$2\",\"label\":\"$2\",\"config\":$3}" | json id; }
source_node=$(node datasource inputs '{}')
greet=$(node tool text_template '{"template":"Hello {{name}}"}')
shout=$(node tool text_template '{"template":"{{text}}!","output_field":"shout"}')
post "/projects/$project/edges" "{\"source_node\":$source_node,\"target_node\":$greet,\"edge_mode\":\"flow\"}" >/dev/null
post "/projects/$project/edges" "{\"source_node\":$greet,\"target_node\":$shout,\"edge_mode\":\"flow\"}" >/dev/null

cat >"$work/run.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"inputs": {"name": "Ada"}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "$token"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) completed = 0; other = 0 end
function response(status, headers, body)
  if status == 200 and string.find(body, '"status":"completed"', 1, true) then completed = completed + 1
  else other = other + 1 end
end
function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do c = c + t:get("completed"); o = o + t:get("other") end
  io.write(string.format("answered completed %d, other %d\n", c, o))
end
LUA
stored() { curl -sf -H "X-API-Key: $token" "$BASE/projects/$project/executions?status=completed&limit=1" | json total; }
url="$BASE/projects/$project/run?wait=10"
wrk -t2 -c16 -d"${WARMUP}s" -s "$work/run.lua" "$url" >/dev/null 2>&1 # warm-up
before=$(stored)
cpu_before=$(server_cpu_ms)
wrk -t2 -c16 -d"${DURATION}s" --latency -s "$work/run.lua" "$url" >"$work/wrk.txt"
after=$(stored)
cpu_after=$(server_cpu_ms)
p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
answered=$(grep '^answered' "$work/wrk.txt")
running=$(curl -sf -H "X-API-Key: $token" "$BASE/projects/$project/executions?status=running&limit=1" | json total)
awk -v n="$((after - before))" -v d="$DURATION" -v db="$DATABASE" -v p50="$p50" -v p99="$p99" -v cores="$(nproc)" \
	'BEGIN {printf "%s, %d cores: %.0f completed, persisted runs/s (%d in %d s), p50 %s, p99 %s\n", db, cores, n / d, n, d, p50, p99}'
echo "$answered; still running afterwards: $running"
awk -v ms="$((cpu_after - cpu_before))" -v n="$((after - before))" \
	'BEGIN {printf "server CPU per completed run: %.2f ms\n", (n > 0) ? ms / n : 0}'
