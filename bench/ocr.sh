#!/usr/bin/env bash
# OCR through Quantra against the tesseract command on the same scanned pages of the synthetic
# corpus (degraded 200-300 dpi PNG scans): character error rate of each against the ground truth,
# and pages per second. Quantra runs file_upload -> ocr_tool, one project per language, and its
# time is the ocr_tool node's, from start to completion (pages/s = pages / that time).
#   bench/ocr.sh [documents] [seed]       (defaults 20 42)
# Baselines, each page one after the other:
#   cli-default   `tesseract page.png out -l eng` as typed: OpenMP threads on every core
#   cli-1thread   the same with OMP_THREAD_LIMIT=1, as Quantra starts it
# and with every core busy: cli-1thread on `nproc` pages at once (xargs -P).
# Quantra is measured with quantra.ocr.max-parallel=1 against the sequential baselines, and with
# its default (one page per core) against the parallel one.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
COUNT="${1:-20}"
SEED="${2:-42}"
command -v tesseract >/dev/null || { echo "tesseract is needed: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu" >&2; exit 1; }
classpath=$(test_classpath)
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
"${JAVA:-java}" -cp "$classpath" io.quantra.plugins.corpus.WriteCorpus "$corpus/pages" "$COUNT" "$SEED" >/dev/null
# "<png> <tesseract language>" per page
python3 - "$corpus/pages" >"$corpus/pages.txt" <<'PY'
import json, pathlib, sys
d = pathlib.Path(sys.argv[1])
for f in sorted(d.glob("doc-*.json")):
    doc = json.loads(f.read_text())
    for page in doc["pages"]:
        print(d / page["image"], {"en": "eng", "de": "deu"}[doc["language"]])
PY
pages=$(wc -l <"$corpus/pages.txt")
now() { date +%s.%N; }
cli() { # output dir, then the environment and parallelism
	local out="$corpus/$1" parallel="$2"
	shift 2
	mkdir -p "$out"
	local start end
	start=$(now)
	awk -v out="$out" '{n = $1; sub(/.*\//, "", n); sub(/\.png$/, "", n); print $1, out "/" n, $2}' "$corpus/pages.txt" \
		| env "$@" xargs -P "$parallel" -n 3 sh -c 'tesseract "$0" "$1" -l "$2" >/dev/null 2>&1'
	end=$(now)
	awk -v p="$pages" -v s="$start" -v e="$end" 'BEGIN {printf "%.3f\n", e - s}'
}
cli_default=$(cli cli-default 1)
cli_single=$(cli cli-1thread 1 OMP_THREAD_LIMIT=1)
cli_parallel=$(cli cli-parallel "$(nproc)" OMP_THREAD_LIMIT=1)

quantra() { # output dir, max-parallel (0 = one per core); prints the ocr_tool nodes' seconds
	local out="$corpus/$1" total=0
	mkdir -p "$out"
	export SPRING_APPLICATION_JSON="{\"quantra\":{\"ocr\":{\"max-parallel\":$2}}}"
	start_server h2 >&2
	local token
	token=$(api_token "$(sign_in)")
	for language in en de; do
		local tess=eng
		[[ $language == de ]] && tess=deu
		local files=()
		while read -r png lang; do
			[[ $lang == "$tess" ]] && files+=(-F "file=@$png")
		done <"$corpus/pages.txt"
		[[ ${#files[@]} -gt 0 ]] || continue
		post() { curl -sf -H 'Content-Type: application/json' -H "X-API-Key: $token" -d "$2" "$BASE$1"; }
		local project upload ocr execution
		project=$(post /projects "{\"name\":\"ocr $language\"}" | json id)
		upload=$(post "/projects/$project/nodes" '{"node_type":"datasource","plugin_id":"file_upload","config":{"accepted_types":[".png"]}}' | json id)
		ocr=$(post "/projects/$project/nodes" "{\"node_type\":\"tool\",\"plugin_id\":\"ocr_tool\",\"config\":{\"language\":\"$language\",\"timeout_seconds\":3600}}" | json id)
		post "/projects/$project/edges" "{\"source_node\":$upload,\"target_node\":$ocr,\"edge_mode\":\"flow\"}" >/dev/null
		curl -sf -H "X-API-Key: $token" "${files[@]}" "$BASE/projects/$project/nodes/$upload/files" >/dev/null
		execution=$(post "/projects/$project/run" '{}' | json execution_id)
		while [[ $(curl -sf -H "X-API-Key: $token" "$BASE/executions/$execution" | json status) =~ ^(queued|running)$ ]]; do
			sleep 1
		done
		curl -sf -H "X-API-Key: $token" "$BASE/executions/$execution/results" >"$corpus/results.json"
		seconds=$(python3 - "$corpus/results.json" "node_$ocr" "$out" <<'PY'
import datetime, json, pathlib, sys
results = json.load(open(sys.argv[1]))
node = results["results"][sys.argv[2]]
if node["status"] != "completed":
    sys.exit("the OCR node ended " + node["status"] + ": " + str(node.get("error")))
frames = node["output"] if isinstance(node["output"], list) else [node["output"]]
for frame in frames:
    for item in frame["data"]:
        name = item["meta"]["filename"].rsplit(".", 1)[0]
        pathlib.Path(sys.argv[3], name + ".txt").write_text(item["content"]["text"])
t = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
print((t(node["completed_at"]) - t(node["started_at"])).total_seconds())
PY
)
		total=$(awk -v a="$total" -v b="$seconds" 'BEGIN {print a + b}')
	done
	kill "$server"
	wait "$server" 2>/dev/null || true
	echo "$total"
}
quantra_single=$(quantra quantra-1 1)
quantra_parallel=$(quantra quantra-default 0)

echo "$COUNT documents, $pages scanned pages, $(nproc) cores"
"${JAVA:-java}" -cp "$classpath" io.quantra.plugins.corpus.OcrComparison "$COUNT" "$SEED" \
	"$corpus/cli-default" "$corpus/cli-1thread" "$corpus/cli-parallel" "$corpus/quantra-1" "$corpus/quantra-default"
rate() { awk -v p="$pages" -v s="$1" 'BEGIN {printf "%.2f", p / s}'; }
printf '%-44s %8s %9s\n' "pages/s" "seconds" "pages/s"
printf '%-44s %8.1f %9s\n' "cli-default (one after the other)" "$cli_default" "$(rate "$cli_default")"
printf '%-44s %8.1f %9s\n' "cli-1thread (one after the other)" "$cli_single" "$(rate "$cli_single")"
printf '%-44s %8.1f %9s\n' "quantra, max-parallel 1" "$quantra_single" "$(rate "$quantra_single")"
printf '%-44s %8.1f %9s\n' "cli-1thread, $(nproc) at once" "$cli_parallel" "$(rate "$cli_parallel")"
printf '%-44s %8.1f %9s\n' "quantra, max-parallel default ($(nproc))" "$quantra_parallel" "$(rate "$quantra_parallel")"
awk -v a="$cli_single" -v b="$quantra_single" -v c="$cli_parallel" -v d="$quantra_parallel" -v e="$cli_default" \
	'BEGIN {printf "ratio quantra/cli: sequential %.2fx (vs cli-default %.2fx), all cores %.2fx\n", a / b, e / b, c / d}'
