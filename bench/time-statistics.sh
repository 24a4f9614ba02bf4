#!/usr/bin/env bash
# Times statistics requests against a running CareQueue on 127.0.0.1 (see docs/statistics.md):
# signs in, then asks each URL RUNS times (default 9) and prints every time and the median.
#   bench/time-statistics.sh PORT USERNAME PASSWORD 'statistics?from=...' 'queues/<id>/statistics?from=...'
set -euo pipefail
port=$1 username=$2 password=$3
shift 3
runs=${RUNS:-9}
base="http://127.0.0.1:$port/api/v1"
token=$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d "{\"username\":\"$username\",\"password\":\"$password\"}" "$base/sessions" | sed 's/.*"token":"\([^"]*\)".*/\1/')
for path in "$@"; do
  times=()
  for ((i = 0; i < runs; i++)); do
    times+=("$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$base/$path")")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "$path: median ${median} s of ${times[*]}"
done
