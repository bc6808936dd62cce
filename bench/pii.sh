#!/usr/bin/env bash
# PII redaction on one thread: detection and masking of 1 MB of invoice-like text with every kind
# of data asked for (JMH, io.quantra.plugins.pii.PiiRedactionBenchmark), at 10 % and 50 % of lines
# holding personal data, in MB/s; then recall and precision per entity on the synthetic corpus
# (io.quantra.plugins.corpus.PiiAccuracy).
#   bench/pii.sh [documents] [seed]       (defaults 200 7; the tests check seed 42)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
classpath=$(test_classpath)
results=$(mktemp)
trap 'rm -f "$results"' EXIT
"${JAVA:-java}" -cp "$classpath" org.openjdk.jmh.Main PiiRedactionBenchmark -rf csv -rff "$results" \
	| grep -E '^(Benchmark|PiiRedactionBenchmark)'
# ops/s of 1 MB each
awk -F, 'NR > 1 {gsub(/"/, ""); printf "density %s: %.1f MB/s (±%.1f)\n", $8, $5, $6}' "$results"
"${JAVA:-java}" -cp "$classpath" io.quantra.plugins.corpus.PiiAccuracy "${1:-200}" "${2:-7}"
