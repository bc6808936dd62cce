# Shared by the benchmarks: start a Quantra server from this checkout and sign in.
#   source "$(dirname "$0")/lib.sh"; start_server h2|postgres; token=$(sign_in)
# BENCH_PORT picks the port. The server, its data directory and (on PostgreSQL) its schema are
# removed when the script exits.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${BENCH_PORT:-14082}"
BASE="http://127.0.0.1:$PORT"
EMAIL="bench@example.com"
PASSWORD="Bench-Passw0rd!"
PSQL=(psql -q -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1)

start_server() { # h2 | postgres
	local database="$1"
	if curl -sf "$BASE/version" >/dev/null 2>&1; then
		echo "a server already answers on port $PORT; stop it or set BENCH_PORT" >&2
		return 1
	fi
	"$ROOT/quantra" build >/dev/null 2>&1 || true
	work=$(mktemp -d)
	local schema="quantra_bench_$(date +%s)_$$"
	local db=()
	if [[ "$database" == postgres ]]; then
		"${PSQL[@]}" -c "create schema $schema"
		db=(QUANTRA_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" QUANTRA_DB_USER=postgres)
	fi
	env "${db[@]}" QUANTRA_DATA_DIR="$work/data" QUANTRA_PORT="$PORT" QUANTRA_TLS=off QUANTRA_MANAGEMENT_PORT=0 \
		QUANTRA_RATE_LIMITS_ENABLED=false QUANTRA_ADMIN_EMAIL="$EMAIL" QUANTRA_ADMIN_PASSWORD="$PASSWORD" \
		"$ROOT/quantra" serve >"$work/server.log" 2>&1 &
	server=$!
	if [[ "$database" == postgres ]]; then
		trap "kill $server 2>/dev/null; wait $server 2>/dev/null || true; ${PSQL[*]} -c 'drop schema $schema cascade' >/dev/null 2>&1; rm -rf '$work'" EXIT
	else
		trap "kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf '$work'" EXIT
	fi
	for _ in $(seq 1 600); do curl -sf "$BASE/version" >/dev/null 2>&1 && return 0; sleep 0.1; done
	echo "the server did not start; its log:" >&2
	tail -20 "$work/server.log" >&2
	return 1
}

server_cpu_ms() { # CPU time the server has used so far, in milliseconds
	awk -v hz="$(getconf CLK_TCK)" '{printf "%d\n", ($14 + $15) * 1000 / hz}' "/proc/$server/stat"
}

json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

sign_in() { # prints an access token of the staff account
	curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" \
		"$BASE/auth/login" | json access_token
}

api_token() { # access token -> a new API token
	curl -sf -H 'Content-Type: application/json' -H "Authorization: Bearer $1" -d '{"name":"bench"}' \
		"$BASE/account/api-tokens" | json token
}

test_classpath() { # compiles the test sources and prints their class path (for JMH and corpus tools)
	# One reactor build with the modules the server needs (-am), so that the SDK and text-stats
	# resolve to their target/classes even when they were never installed; the server's class
	# path is written last.
	local file
	file=$(mktemp)
	(cd "$ROOT" && ./mvnw -q -B -Dspring-javaformat.skip=true -pl quantra-server -am test-compile \
		dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$file" >/dev/null)
	echo "$ROOT/quantra-server/target/test-classes:$ROOT/quantra-server/target/classes:$(cat "$file")"
	rm -f "$file"
}
