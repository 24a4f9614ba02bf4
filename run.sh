#!/usr/bin/env bash
# Runs CareQueue on http://localhost:8080: builds it when the sources changed since the last build,
# then starts Payara Micro on the embedded H2 file database under ./data with the demo organization.
# Environment variables override the defaults (see src-config/postgresql.env.example); with
# CAREQUEUE_CLUSTER_NAME set, the node joins that cluster's data grid (see docs/operations.md).
set -euo pipefail
cd "$(dirname "$0")"

war=web-module/target/ROOT.war
micro=web-module/target/payara-micro.jar
if [ ! -f "$war" ] || [ ! -f "$micro" ] || [ -n "$(find pom.xml api-module ejb-module web-module \
      -newer "$war" -type f -not -path '*/target/*' -print -quit)" ]; then
  echo "Building CareQueue (mvn -B -DskipTests package)..."
  mvn -B -q -DskipTests package
fi

export CAREQUEUE_DEMO="${CAREQUEUE_DEMO:-true}"
port="${CAREQUEUE_PORT:-8080}"
mkdir -p data
cat <<MSG
CareQueue starts on http://localhost:$port (database: ${CAREQUEUE_DB_URL:-embedded H2 in ./data})
Demo log-ins (password "demo" each): olivia (operator), alice and bob (agents).
  Agent API:  curl -X POST -H 'Content-Type: application/json' \\
                -d '{"username":"alice","password":"demo"}' http://localhost:$port/api/v1/sessions
MSG
# One node alone, or one node of a cluster: nodes find each other over TCP at the listed members
# (never by multicast), on the interface given, under a cluster name of their own.
if [ -n "${CAREQUEUE_CLUSTER_NAME:-}" ]; then
  grid_port="${CAREQUEUE_CLUSTER_PORT:-6900}"
  interface="${CAREQUEUE_CLUSTER_INTERFACE:-127.0.0.1}"
  cluster=(--clustername "$CAREQUEUE_CLUSTER_NAME"
           --clustermode "tcpip:${CAREQUEUE_CLUSTER_MEMBERS:-127.0.0.1:$grid_port}"
           --interfaces "$interface" --startport "$grid_port")
  # Nodes on one machine share an address; Hazelcast would otherwise find no place for backups.
  case "$interface" in 127.*) cluster+=(--nohostaware) ;; esac
  log="data/server-$port.log"
else
  cluster=(--nocluster)
  log="data/server.log"
fi
exec java ${JAVA_OPTS:--Xmx1g} -Dhazelcast.phone.home.enabled=false -Dhazelcast.socket.bind.any=false -jar "$micro" "${cluster[@]}" --port "$port" --deploy "$war" --contextroot / \
  --addlibs web-module/target/server-lib --prebootcommandfile src-config/pre-boot.asadmin \
  --logtofile "$log"
