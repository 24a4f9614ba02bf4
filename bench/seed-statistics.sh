#!/usr/bin/env bash
# Seeds a CareQueue PostgreSQL database (on 127.0.0.1 only) with audiences for statistics
# benchmarks; see docs/statistics.md. Options go to bench/SeedStatistics.java, e.g.
#   bench/seed-statistics.sh --url jdbc:postgresql://127.0.0.1:5432/carequeue --audiences 1000000 --days 365
set -euo pipefail
cd "$(dirname "$0")/.."
driver=web-module/target/server-lib/postgresql.jar
if [ ! -f "$driver" ]; then
  mvn -B -q -DskipTests package -pl web-module -am
fi
exec java -Xmx1g -cp "$driver" bench/SeedStatistics.java "$@"
