#!/usr/bin/env bash
# The Payara Server (full profile) that the EAR smoke test runs against, started and stopped by the
# ear module's build around its integration tests:
#   payara-server.sh start TARGET   fresh domain under TARGET on free loopback ports, embedded H2
#                                   under TARGET with the demo organization, TARGET/carequeue.ear
#                                   deployed at the root context; writes TARGET/payara-server/base-url
#   payara-server.sh stop TARGET    stops that domain (nothing to do when it is not running)
# Expects Payara Server unpacked in TARGET/payara6 (the build's maven-dependency-plugin does it).
set -euo pipefail

action="${1:?usage: payara-server.sh start|stop TARGET}"
target="$(cd "${2:?usage: payara-server.sh start|stop TARGET}" && pwd)"
asadmin="$target/payara6/bin/asadmin"
domains="$target/payara-domains"
domain=carequeue
state="$target/payara-server"

# Offsets from --portbase of every port a domain opens (admin 48, HTTP 80, HTTPS 81, IIOP 37-39,
# JMS 76, JMX 86, OSGi shell 66, debugger 9, data grid 49 and 59).
port_offsets=(9 37 38 39 48 49 59 66 76 80 81 86)

ports_free_from() {
  local offset
  for offset in "${port_offsets[@]}"; do
    # A connection that succeeds means something already listens there.
    if (exec 3<>"/dev/tcp/127.0.0.1/$(($1 + offset))") 2>/dev/null; then
      return 1
    fi
  done
}

# Below the kernel's ephemeral range (32768 and up by default), where the other tests' random free
# ports and outgoing connections come from, so they cannot take these between the check and the start.
free_portbase() {
  local base
  for base in $(seq 28000 100 32600); do
    if ports_free_from "$base"; then
      echo "$base"
      return
    fi
  done
  echo "No free port range for Payara Server between 28000 and 32700" >&2
  return 1
}

server_log_tail() {
  echo "--- last lines of $domains/$domain/logs/server.log ---" >&2
  tail -n 80 "$domains/$domain/logs/server.log" >&2 || true
}

start() {
  stop # a server left running by an interrupted build that did not clean
  rm -rf "$domains" "$state"
  mkdir -p "$state"
  local portbase admin_port http_port
  portbase="$(free_portbase)"
  admin_port=$((portbase + 48))
  http_port=$((portbase + 80))
  "$asadmin" create-domain --nopassword --portbase "$portbase" --domaindir "$domains" "$domain" >/dev/null

  # Loopback only: every listener (all but the embedded message broker's lazy-start port, which
  # stays on all interfaces; the application uses no JMS), and the data grid too, under a name of
  # its own, so it neither joins nor is joined by another Payara on this machine. No phone home,
  # neither Payara's nor Hazelcast's (docs/operations.md).
  sed -i \
    -e 's/<network-listener port=/<network-listener address="127.0.0.1" port=/' \
    -e 's/address="0\.0\.0\.0"/address="127.0.0.1"/' \
    -e "s/<hazelcast-runtime-configuration /<hazelcast-runtime-configuration interface=\"127.0.0.1\" cluster-group-name=\"carequeue-ear-smoke-$portbase\" /" \
    -e 's|<jvm-options>-server</jvm-options>|&<jvm-options>-Dhazelcast.socket.bind.any=false</jvm-options><jvm-options>-Dhazelcast.phone.home.enabled=false</jvm-options>|' \
    -e 's/<phone-home-runtime-configuration /<phone-home-runtime-configuration enabled="false" /' \
    "$domains/$domain/config/domain.xml"

  # The server JVM inherits asadmin's environment: the application reads its database and demo
  # switch from these (MicroProfile Config), exactly as on Payara Micro.
  export CAREQUEUE_DB_DRIVER=org.h2.jdbcx.JdbcDataSource
  export CAREQUEUE_DB_URL="jdbc:h2:file:$state/h2/carequeue;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0"
  export CAREQUEUE_DB_USER=sa
  export CAREQUEUE_DB_PASSWORD=carequeue
  export CAREQUEUE_DEMO=true

  trap 'server_log_tail; stop' EXIT
  "$asadmin" start-domain --domaindir "$domains" "$domain"
  "$asadmin" --host 127.0.0.1 --port "$admin_port" deploy --name carequeue "$target/carequeue.ear"
  trap - EXIT

  echo "http://127.0.0.1:$http_port/" >"$state/base-url"
  echo "CareQueue EAR deployed on Payara Server at http://127.0.0.1:$http_port/ (log: $domains/$domain/logs/server.log)"
}

stop() {
  if [ -d "$domains/$domain" ]; then
    "$asadmin" stop-domain --domaindir "$domains" "$domain"
  fi
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: payara-server.sh start|stop TARGET" >&2; exit 2 ;;
esac
