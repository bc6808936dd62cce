#!/usr/bin/env bash
# Engine overhead per node: a chain of N no-op nodes (inputs -> text_template x N-1, each handing
# its one item on), run R times with ?wait=60; the run's own timing (started_at to completed_at)
# divided by its nodes, against a 2-node chain run the same way as the baseline of fixed costs.
#   bench/engine-overhead.sh [h2|postgres] [nodes] [runs]     (defaults h2 1000 3)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DATABASE="${1:-h2}"
NODES="${2:-1000}"
RUNS="${3:-3}"

start_server "$DATABASE"
access=$(sign_in)
python3 - "$BASE" "$access" "$NODES" "$RUNS" "$DATABASE" <<'PY'
import http.client, json, statistics, sys, urllib.parse
from datetime import datetime
base, token, nodes, runs, database = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
url = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)

def call(method, path, body=None):
    conn.request(method, path, body=json.dumps(body) if body is not None else None,
                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path} answered {response.status}: {data[:300]}")
    return json.loads(data) if data else None

def chain(length):
    project = call("POST", "/projects", {"name": f"chain of {length}"})["id"]
    ids = [call("POST", f"/projects/{project}/nodes",
                {"node_type": "datasource", "plugin_id": "inputs", "label": "in", "config": {}})["id"]]
    for i in range(1, length):
        ids.append(call("POST", f"/projects/{project}/nodes",
                        {"node_type": "tool", "plugin_id": "text_template", "label": f"n{i}",
                         "config": {"template": "{{text}}"}})["id"])
        call("POST", f"/projects/{project}/edges",
             {"source_node": ids[-2], "target_node": ids[-1], "edge_mode": "flow"})
    return project

def seconds(run):
    start = datetime.fromisoformat(run["started_at"].replace("Z", "+00:00"))
    end = datetime.fromisoformat(run["completed_at"].replace("Z", "+00:00"))
    return (end - start).total_seconds()

def measure(project, times):
    durations = []
    for _ in range(times):
        run = call("POST", f"/projects/{project}/run?wait=60", {"inputs": {"text": "x"}})
        if run.get("status") != "completed":
            raise SystemExit(f"run did not complete in time: {run}")
        durations.append(seconds(run))
    return statistics.median(durations)

small, large = chain(2), chain(nodes)
measure(small, 5); measure(large, 1)  # warm-up
base_s = measure(small, max(runs, 5))
large_s = measure(large, runs)
per_node = (large_s - base_s) / (nodes - 2) * 1000
print(f"{database}: chain of {nodes} nodes ran in {large_s:.2f} s (median of {runs}); 2-node baseline "
      f"{base_s * 1000:.1f} ms; engine overhead {per_node:.2f} ms per node")
PY
