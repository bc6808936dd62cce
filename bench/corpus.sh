#!/usr/bin/env bash
# The synthetic document corpus (io.quantra.plugins.corpus): writes text PDFs, scanned PNG pages,
# image-only PDFs and JSON ground truth (text, PII spans, pages) into a directory, or with `ocr`
# reads every scanned page back with the tesseract CLI and prints the character error rate.
#   bench/corpus.sh write <dir> [count] [seed]
#   bench/corpus.sh ocr [count] [seed]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
classpath=$(test_classpath)
case "${1:-}" in
	write) shift; exec "${JAVA:-java}" -cp "$classpath" io.quantra.plugins.corpus.WriteCorpus "$@" ;;
	ocr) shift; exec "${JAVA:-java}" -cp "$classpath" io.quantra.plugins.corpus.OcrErrorRates "$@" ;;
	*) echo "usage: bench/corpus.sh write <dir> [count] [seed] | ocr [count] [seed]" >&2; exit 2 ;;
esac
