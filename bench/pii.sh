#!/usr/bin/env bash
# PII redaction throughput on one thread: detection and masking of 1 MB of invoice-like text with
# every kind of data asked for (JMH, io.quantra.plugins.pii.PiiRedactionBenchmark), at 10 % and
# 50 % of lines holding personal data. Prints MB/s.
#   bench/pii.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -q -B -Dspring-javaformat.skip=true -pl quantra-server test-compile
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
./mvnw -q -B -pl quantra-server dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$classpath_file" >/dev/null
classpath="quantra-server/target/test-classes:quantra-server/target/classes:$(cat "$classpath_file")"
"${JAVA:-java}" -cp "$classpath" org.openjdk.jmh.Main PiiRedactionBenchmark -rf csv -rff "$classpath_file.csv" \
	| grep -E '^(Benchmark|PiiRedactionBenchmark)'
# ops/s of 1 MB each
awk -F, 'NR > 1 {gsub(/"/, ""); printf "density %s: %.1f MB/s (±%.1f)\n", $8, $5, $6}' "$classpath_file.csv"
rm -f "$classpath_file.csv"
