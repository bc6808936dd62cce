#!/usr/bin/env bash
# Time to build the CNO chain JSON of a large canvas, end to end: GET /projects/{id}/chain for a
# canvas of 10,000 nodes and 20,000 random edges (a DAG), on PostgreSQL.
#   bench/chain.sh [nodes] [edges] [requests]     (defaults 10000 20000 20)
# Needs the PostgreSQL server at 127.0.0.1:5432 (database "test"); the canvas is written straight
# into a schema of its own, dropped at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODES="${1:-10000}"
EDGES="${2:-20000}"
REQUESTS="${3:-20}"
PORT="${BENCH_PORT:-14081}"
BASE="http://127.0.0.1:$PORT"
SCHEMA="quantra_bench_$(date +%s)"
PSQL=(psql -q -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1)
EMAIL="bench@example.com"
PASSWORD="Bench-Passw0rd!"

"$ROOT/quantra" build >/dev/null 2>&1 || true
"${PSQL[@]}" -c "create schema $SCHEMA"
work=$(mktemp -d)
QUANTRA_DATA_DIR="$work/data" QUANTRA_PORT="$PORT" QUANTRA_TLS=off QUANTRA_MANAGEMENT_PORT=0 \
	QUANTRA_RATE_LIMITS_ENABLED=false QUANTRA_ADMIN_EMAIL="$EMAIL" QUANTRA_ADMIN_PASSWORD="$PASSWORD" \
	QUANTRA_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" QUANTRA_DB_USER=postgres \
	"$ROOT/quantra" serve >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; "${PSQL[@]}" -c "drop schema $SCHEMA cascade"; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do curl -sf "$BASE/version" >/dev/null 2>&1 && break; sleep 0.1; done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
token=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" \
	"$BASE/auth/login" | json access_token)
project=$(curl -sf -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
	-d '{"name":"bench canvas"}' "$BASE/projects" | json id)

# Nodes get ids in insertion order; edges go from a lower to a higher one, so the canvas is a DAG.
"${PSQL[@]}" <<SQL
set search_path to $SCHEMA;
insert into canvas_nodes (project_id, node_type, plugin_id, label, x_pos, y_pos, config, version, created_at, updated_at)
select $project, 'tool', 'ocr_tool', 'node ' || g, g % 1000, g / 1000, '{"engine":"tesseract","language":"en"}', 1, now(), now()
from generate_series(1, $NODES) g;
with ids as (select id, row_number() over (order by id) as n from canvas_nodes where project_id = $project),
pairs as (
  select distinct least(a, b) as a, greatest(a, b) as b
  from (select 1 + floor(random() * $NODES)::int as a, 1 + floor(random() * $NODES)::int as b
        from generate_series(1, $EDGES * 2)) r
  where a <> b limit $EDGES)
insert into canvas_edges (project_id, source_node, target_node, edge_mode, created_at)
select $project, s.id, t.id, (array['flow','flow','interactive','reference'])[1 + floor(random() * 4)::int], now()
from pairs join ids s on s.n = pairs.a join ids t on t.n = pairs.b;
insert into canvases (project_id, revision) values ($project, 1);
SQL
edges=$("${PSQL[@]}" -At -c "select count(*) from $SCHEMA.canvas_edges")

chain() { curl -s -o "$work/chain.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" \
	"$BASE/projects/$project/chain"; }
for _ in 1 2 3 4 5; do chain >/dev/null; done # warm-up
: >"$work/times"
for _ in $(seq 1 "$REQUESTS"); do
	read -r status seconds < <(chain)
	[[ "$status" == 200 ]] || { echo "chain answered $status" >&2; exit 1; }
	echo "$seconds" >>"$work/times"
done
size=$(wc -c <"$work/chain.json")
python3 - "$work/times" "$NODES" "$edges" "$size" <<'PY'
import statistics, sys
times = sorted(float(line) * 1000 for line in open(sys.argv[1]))
p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
print(f"chain of {sys.argv[2]} nodes, {sys.argv[3]} edges ({int(sys.argv[4]) // 1024} KiB): "
      f"median {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, min {times[0]:.0f} ms over {len(times)} requests")
PY
