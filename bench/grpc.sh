#!/usr/bin/env bash
# Throughput of one call stream on loopback, in one process: frames/s and MB/s of N frames sent
# and echoed back through the SDK (ToolClient -> ToolServer with an echo handler), through the
# platform's conversion of its frames on top of that, and through a bare grpc-java echo of the
# same Frame messages, with the ratio to the bare echo (io.quantra.services.GrpcThroughputBenchmark):
# 2,000 frames of 16 KB and 20 frames of 1 MB.
#   bench/grpc.sh [warm-up rounds] [measured rounds]       (defaults 5 10)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
classpath=$(test_classpath)
"${JAVA:-java}" -Xmx1g -cp "$classpath" io.quantra.services.GrpcThroughputBenchmark "${1:-5}" "${2:-10}"
