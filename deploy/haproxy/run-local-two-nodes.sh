#!/usr/bin/env bash
# Two mockpanel nodes on one PostgreSQL database behind HAProxy (sticky by cookie), all on this
# machine: for the benchmark and for trying a second node by hand (decision 0034).
#
#   ./mvnw -Pproduction package -DskipTests       # the jar (once)
#   deploy/haproxy/run-local-two-nodes.sh          # runs until Ctrl+C, then stops everything
#   deploy/haproxy/run-local-two-nodes.sh --check  # checks stickiness and fail-over, then stops
#
# Environment (all optional):
#   SPRING_DATASOURCE_URL       default jdbc:postgresql://127.0.0.1:5432/mockpanel_two_nodes
#                               (created when missing, if psql is installed)
#   SPRING_DATASOURCE_USERNAME  default postgres;  SPRING_DATASOURCE_PASSWORD  default empty
#   MOCKPANEL_PROXY_PORT        default 8080: the address to open is http://127.0.0.1:PORT/
#   MOCKPANEL_NODE1_PORT / MOCKPANEL_NODE2_PORT   default 8081 / 8082
#   MOCKPANEL_ADMIN_USERNAME / MOCKPANEL_ADMIN_PASSWORD   default admin / mockpanel-two-nodes
#   MOCKPANEL_JAR               default target/mockpanel-*.jar;  JAVA  default: a JDK 21+ found
#   MOCKPANEL_LOG_DIR           default a new temporary folder (printed)
#   MOCKPANEL_NODE_JAVA_OPTS    default -Xmx768m
# Needs: haproxy (apt-get install haproxy), curl, a JDK 21+, a PostgreSQL server.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

export SPRING_DATASOURCE_URL=${SPRING_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:5432/mockpanel_two_nodes}
export SPRING_DATASOURCE_USERNAME=${SPRING_DATASOURCE_USERNAME:-postgres}
export SPRING_DATASOURCE_PASSWORD=${SPRING_DATASOURCE_PASSWORD:-}
export MOCKPANEL_PROXY_PORT=${MOCKPANEL_PROXY_PORT:-8080}
export MOCKPANEL_NODE1_PORT=${MOCKPANEL_NODE1_PORT:-8081}
export MOCKPANEL_NODE2_PORT=${MOCKPANEL_NODE2_PORT:-8082}
export MOCKPANEL_ADMIN_USERNAME=${MOCKPANEL_ADMIN_USERNAME:-admin}
export MOCKPANEL_ADMIN_PASSWORD=${MOCKPANEL_ADMIN_PASSWORD:-mockpanel-two-nodes}
# Invite links point at the proxy, never at one node.
export MOCKPANEL_PUBLIC_URL=${MOCKPANEL_PUBLIC_URL:-http://127.0.0.1:$MOCKPANEL_PROXY_PORT/}
log_dir=${MOCKPANEL_LOG_DIR:-$(mktemp -d -t mockpanel-two-nodes.XXXXXX)}
mkdir -p "$log_dir"
check=false
[[ ${1:-} == --check ]] && check=true

fail() { echo "run-local-two-nodes: $*" >&2; exit 1; }

command -v haproxy >/dev/null || fail "haproxy is not installed (apt-get install haproxy)"
command -v curl >/dev/null || fail "curl is not installed"
jar=${MOCKPANEL_JAR:-$(ls "$root"/target/mockpanel-*.jar 2>/dev/null | grep -v -- '-plain\|\.original' | head -1 || true)}
[[ -n $jar && -f $jar ]] || fail "no jar: build it with ./mvnw -Pproduction package -DskipTests (or set MOCKPANEL_JAR)"

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
find_java() {
    local candidate
    for candidate in ${JAVA:-} ${JAVA_HOME:+$JAVA_HOME/bin/java} $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV) java; do
        if command -v "$candidate" >/dev/null 2>&1 && (( $(java_major "$candidate" || echo 0) >= 21 )); then
            echo "$candidate"; return
        fi
    done
    fail "no JDK 21 or newer found (set JAVA=/path/to/bin/java)"
}
java=$(find_java)

# The database: reachable, and created when missing (psql on the same server, database postgres).
if [[ $SPRING_DATASOURCE_URL =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?/([^?]+) ]] && command -v psql >/dev/null; then
    db_host=${BASH_REMATCH[1]} db_port=${BASH_REMATCH[3]:-5432} db_name=${BASH_REMATCH[4]}
    psql_args=(-h "$db_host" -p "$db_port" -U "$SPRING_DATASOURCE_USERNAME" -d postgres -Atq)
    PGPASSWORD=$SPRING_DATASOURCE_PASSWORD psql "${psql_args[@]}" -c 'select 1' >/dev/null \
        || fail "PostgreSQL at $db_host:$db_port does not answer"
    if [[ -z $(PGPASSWORD=$SPRING_DATASOURCE_PASSWORD psql "${psql_args[@]}" -c "select 1 from pg_database where datname = '$db_name'") ]]; then
        echo "creating database $db_name"
        PGPASSWORD=$SPRING_DATASOURCE_PASSWORD psql "${psql_args[@]}" -c "create database \"$db_name\""
    fi
fi

pids=()
stop_all() {
    trap - EXIT INT TERM
    echo "stopping: ${pids[*]:-nothing}"
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

declare -A node_pid
start_node() { # name port
    local name=$1 port=$2
    echo "starting $name on port $port (log $log_dir/$name.log)"
    PORT=$port "$java" ${MOCKPANEL_NODE_JAVA_OPTS:--Xmx768m} -jar "$jar" >>"$log_dir/$name.log" 2>&1 &
    node_pid[$name]=$!
    pids+=($!)
}
await_ready() { # name port
    local name=$1 port=$2 deadline=$((SECONDS + 180))
    until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
        kill -0 "${node_pid[$name]}" 2>/dev/null || { tail -40 "$log_dir/$name.log" >&2; fail "$name ended"; }
        (( SECONDS < deadline )) || { tail -40 "$log_dir/$name.log" >&2; fail "$name not ready in 180 s"; }
        sleep 1
    done
    echo "$name ready: http://127.0.0.1:$port/"
}

# One after the other: the first runs the migrations and creates the admin account.
start_node node1 "$MOCKPANEL_NODE1_PORT"
await_ready node1 "$MOCKPANEL_NODE1_PORT"
start_node node2 "$MOCKPANEL_NODE2_PORT"
await_ready node2 "$MOCKPANEL_NODE2_PORT"

haproxy -c -q -f "$here/local-two-nodes.cfg" || fail "the HAProxy configuration is not valid"
haproxy -f "$here/local-two-nodes.cfg" >>"$log_dir/haproxy.log" 2>&1 &
pids+=($!)
deadline=$((SECONDS + 30))
until curl -fs -o /dev/null "http://127.0.0.1:$MOCKPANEL_PROXY_PORT/actuator/health/readiness"; do
    (( SECONDS < deadline )) || { cat "$log_dir/haproxy.log" >&2; fail "HAProxy does not answer on $MOCKPANEL_PROXY_PORT"; }
    sleep 1
done

cat <<INFO
mockpanel on two nodes behind HAProxy:
  open        http://127.0.0.1:$MOCKPANEL_PROXY_PORT/   (admin: $MOCKPANEL_ADMIN_USERNAME)
  node1       http://127.0.0.1:$MOCKPANEL_NODE1_PORT/   pid ${node_pid[node1]}
  node2       http://127.0.0.1:$MOCKPANEL_NODE2_PORT/   pid ${node_pid[node2]}
  database    $SPRING_DATASOURCE_URL
  logs        $log_dir
  sticky cookie MOCKPANEL_NODE; header X-Mockpanel-Node names the node that answered
INFO

if ! $check; then
    echo "Ctrl+C stops all three."
    wait
    exit 0
fi

# --check: one client (a cookie jar) stays on one node; when that node stops, it moves to the other.
jar_file=$log_dir/cookies.txt
served_by() { curl -s -o /dev/null -D - -b "$jar_file" -c "$jar_file" "http://127.0.0.1:$MOCKPANEL_PROXY_PORT/login" \
    | tr -d '\r' | sed -n 's/^[Xx]-[Mm]ockpanel-[Nn]ode: //p'; }
first=$(served_by)
[[ -n $first ]] || fail "no X-Mockpanel-Node header from the proxy"
for i in $(seq 1 20); do
    now=$(served_by)
    [[ $now == "$first" ]] || fail "request $i went to $now, not to $first (not sticky)"
done
grep -q MOCKPANEL_NODE "$jar_file" || fail "the proxy set no MOCKPANEL_NODE cookie"
echo "CHECK sticky: 21 requests with one cookie jar all served by $first"
other=$([[ $first == node1 ]] && echo node2 || echo node1)
fresh=$(curl -s -o /dev/null -D - "http://127.0.0.1:$MOCKPANEL_PROXY_PORT/login" | tr -d '\r' | sed -n 's/^[Xx]-[Mm]ockpanel-[Nn]ode: //p')
echo "CHECK a client without the cookie was sent to $fresh (round robin)"
kill "${node_pid[$first]}"
wait "${node_pid[$first]}" 2>/dev/null || true
echo "stopped $first"
now=$(served_by)
[[ $now == "$other" ]] || fail "after stopping $first the client went to '$now', not to $other"
for i in $(seq 1 10); do
    again=$(served_by)
    [[ $again == "$other" ]] || fail "after the fail-over request $i went to '$again', not to $other"
done
echo "CHECK fail-over: with $first stopped the same client is served by $other, and stays there"
