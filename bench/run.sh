#!/usr/bin/env bash
# Runs one benchmark scenario (docs/benchmarks.md) on this machine, on 127.0.0.1 only:
#   bench/run.sh connected|roundtrip|throughput|pick|statistics|startup|soak|postgres [client options]
# Several scenarios may share one server start: bench/run.sh roundtrip,throughput,pick
# Starts its own Payara Micro (port BENCH_PORT, default 18480) with the built WAR and, beside it,
# the bare echo endpoint (bench/echo, a WAR of its own that is no part of CareQueue), on PostgreSQL
# at 127.0.0.1:5432 database test, schema cq_bench (BENCH_DB=h2 for an H2 file under bench/target),
# runs the load client bench/Bench.java, and stops the server again. Every run is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:?scenario: connected, roundtrip, throughput, pick, statistics, startup, soak or postgres}
shift

target=bench/target
mkdir -p "$target"
# BENCH_WAR: another build (a file named ROOT.war, so it serves at /), to compare two builds in one session
war=${BENCH_WAR:-web-module/target/ROOT.war}
micro=web-module/target/payara-micro.jar
lib=web-module/target/server-lib
pre_boot=src-config/pre-boot.asadmin
driver=$lib/postgresql.jar
port=${BENCH_PORT:-18480}
schema=${BENCH_SCHEMA:-cq_bench}
# reWriteBatchedInserts as production runs it (docs/operations.md); BENCH_PG_URL: another URL, to compare
pg_url=${BENCH_PG_URL:-"jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true&currentSchema=$schema"}
if [ ! -f "$war" ] || [ ! -f "$micro" ] || [ ! -f "$driver" ]; then
  mvn -B -q -DskipTests package -pl web-module -am
fi
# Sockets: ten thousand customers need more descriptors than the usual 1024, on both sides.
ulimit -n "$(ulimit -Hn)"

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB memory, load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo_war=$target/echo.war
if [ ! -f "$echo_war" ] || [ bench/echo/EchoEndpoint.java -nt "$echo_war" ]; then
  api=$(find ~/.m2/repository/jakarta/websocket -name 'jakarta.websocket-*api-2*.jar' | sort | paste -sd:)
  rm -rf "$target/echo" && mkdir -p "$target/echo/WEB-INF/classes"
  javac -d "$target/echo/WEB-INF/classes" -cp "$api" bench/echo/EchoEndpoint.java
  (cd "$target/echo" && jar cf ../echo.war WEB-INF)
fi

psql_bench() {
  psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -qAt "$@"
}

export CAREQUEUE_SIGNUP_ENABLED=true
# Customers of the pick scenario wait without a socket; a minute's grace would drop the prefilled line.
export CAREQUEUE_CUSTOMER_GRACE_SECONDS=3600
export CAREQUEUE_DEMO=true
# The load client is one address and keeps messages in flight as fast as the server answers: no rate limits.
export CAREQUEUE_RATE_LIMIT_EXEMPT=127.0.0.1,::1
export CAREQUEUE_RATE_MESSAGES_PER_TOKEN=1000000/1
if [ "${BENCH_DB:-postgresql}" = h2 ]; then
  export CAREQUEUE_DB_DRIVER=org.h2.jdbcx.JdbcDataSource
  export CAREQUEUE_DB_URL="jdbc:h2:file:$PWD/$target/h2/carequeue;WRITE_DELAY=0"
  export CAREQUEUE_DB_USER=sa CAREQUEUE_DB_PASSWORD=carequeue
else
  psql_bench -c "create schema if not exists $schema"
  # The pick scenario leaves thousands waiting (its lines are never emptied): the drop timer would
  # scan them every 5 s, and drop them an hour later, in whichever run measures then.
  if [ -n "$(psql_bench -c "select to_regclass('$schema.audience')")" ]; then
    # Since V23 a waiting customer is also in its queue's line by waiting_in (a BENCH_WAR of an older build has none).
    leave_line=$(psql_bench -c "select ', waiting_in = null' from information_schema.columns
      where table_schema = '$schema' and table_name = 'audience' and column_name = 'waiting_in'")
    psql_bench -c "update $schema.audience set state = 'DROPPED', ended_at = now()$leave_line where state = 'REQUESTED'"
  fi
  # A production PostgreSQL vacuums and analyzes by itself; this machine's runs with autovacuum off,
  # so the dead rows of earlier runs would slow every later run and the planner would have no
  # statistics. Each run starts from a vacuumed, analyzed schema.
  tables=$(psql_bench -c "select string_agg(format('%I.%I', schemaname, relname), ', ')
    from pg_stat_user_tables where schemaname = '$schema'")
  if [ -n "$tables" ]; then psql_bench -c "vacuum analyze $tables"; fi
  export CAREQUEUE_DB_DRIVER=org.postgresql.ds.PGSimpleDataSource
  export CAREQUEUE_DB_URL="$pg_url"
  export CAREQUEUE_DB_USER=postgres CAREQUEUE_DB_PASSWORD=postgres
fi

client=(java -Xmx2g -cp "$driver" bench/Bench.java)
base="http://127.0.0.1:$port/"

postgres_baseline() {
  echo "== postgres baseline: pg_test_fsync (2 s per test) and pgbench (16 clients, 10 s)"
  fsync=$(ls /usr/lib/postgresql/*/bin/pg_test_fsync | tail -1)
  "$fsync" -s 2 -f "$PWD/$target/pg_test_fsync.out" | grep -E 'fdatasync|open_datasync|fsync ' | head -6
  rm -f "$target/pg_test_fsync.out"
  psql_bench -c "drop schema if exists cq_bench_pgbench cascade" -c "create schema cq_bench_pgbench"
  PGOPTIONS='-c search_path=cq_bench_pgbench' pgbench -h 127.0.0.1 -U postgres -q -i -s 1 test 2>&1 | tail -1
  PGOPTIONS='-c search_path=cq_bench_pgbench' pgbench -h 127.0.0.1 -U postgres -c 16 -j 2 -T 10 -N test 2>&1 \
    | grep -E 'tps|latency average' | sed 's/^/  pgbench -N: /'
  psql_bench -c "drop schema cq_bench_pgbench cascade"
}

case "$scenario" in
  postgres)
    postgres_baseline
    exit 0
    ;;
  startup)
    # The second baseline: an application of the same technologies and nothing else (bench/minimal),
    # with the PrimeFaces jar of the WAR under test.
    minimal_war=$target/minimal.war
    rm -rf "$target/minimal" && mkdir -p "$target/minimal" && cp -r bench/minimal/webapp/. "$target/minimal/"
    primefaces=$(jar tf "$war" | grep '^WEB-INF/lib/primefaces-')
    war_path=$(realpath "$war")
    (cd "$target/minimal" && jar xf "$war_path" "$primefaces")
    api=$(find ~/.m2/repository/jakarta/platform/jakarta.jakartaee-api ~/.m2/repository/org/eclipse/microprofile/health \
      -name 'jakarta.jakartaee-api-10*.jar' -o -name 'microprofile-health-api-4*.jar' | sort | paste -sd:)
    javac -d "$target/minimal/WEB-INF/classes" -cp "$api" bench/minimal/src/minimal/*.java
    (cd "$target/minimal" && jar cf ../minimal.war .)
    exec "${client[@]}" startup --base "$base" --micro "$micro" --war "$war" --minimal-war "$minimal_war" \
      --server-lib "$lib" --pre-boot "$pre_boot" --logs "$target" "$@"
    ;;
esac

java ${BENCH_SERVER_OPTS:--Xmx1g} -Dhazelcast.phone.home.enabled=false -Dhazelcast.socket.bind.any=false -jar "$micro" --nocluster --port "$port" \
  --deploy "$war" --deploy "$echo_war" --addlibs "$lib" --prebootcommandfile "$pre_boot" \
  --logtofile "$target/server.log" > "$target/server-console.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for ((i = 0; i < 600; i++)); do
  if curl -s -o /dev/null -w '%{http_code}' "${base}api/v1/me" | grep -q 401; then break; fi
  kill -0 $server 2>/dev/null || { echo "Payara Micro exited; see $target/server-console.log"; exit 1; }
  sleep 0.5
done
echo "CareQueue up on $base (pid $server); echo endpoint at ws://127.0.0.1:$port/echo/echo"

for one in ${scenario//,/ }; do
  case "$one" in
    statistics)
      user=${BENCH_STATISTICS_USER:-olivia}
      audiences=$(psql_bench -c "select count(*) from $schema.audience a join $schema.agent g
        on g.organization_id = a.organization_id where g.username = '$user'")
      if [ "$audiences" -lt 1000000 ]; then
        echo "Seeding 1,000,000 audiences into $user's organization (minutes)..."
        bench/seed-statistics.sh --url "$pg_url" --user postgres --password postgres --operator "$user" --audiences 1000000
      fi
      queue=$(psql_bench -c "select queue_id from $schema.audience a join $schema.agent g
        on g.organization_id = a.organization_id where g.username = '$user'
        group by queue_id order by count(*) desc limit 1")
      "${client[@]}" statistics --base "$base" --user "$user" --password demo --queue "$queue" "$@"
      ;;
    *)
      "${client[@]}" "$one" --base "$base" --echo "ws://127.0.0.1:$port/echo/echo" --pid "$server" \
        --jdbc "$pg_url" "$@"
      if [ "$one" = throughput ]; then postgres_baseline; fi
      ;;
  esac
done
