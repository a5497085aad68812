#!/usr/bin/env bash
# Helpers for starting Azurite's Table service on loopback. Sourced by run-bot.sh.
# Always --disableTelemetry: without it Azurite tries to reach an address outside the machine.

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# Installs the pinned Node tools (Azurite, lexicon, Web Chat bundle, manifest schemas) when missing or stale.
ensure_node_tools() {
  local root; root=$(repo_root)
  if [ ! -f "$root/node_modules/.package-lock.json" ] || ! cmp -s <(sed -n '1,3p' "$root/package-lock.json") <(sed -n '1,3p' "$root/node_modules/.package-lock.json") \
     || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    echo "Installing Node tools (npm ci)..."
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# start_azurite PORT [LOCATION] [own-session] -> sets AZURITE_PID
#   own-session: Azurite runs in a session of its own, so a Ctrl-C in the terminal stops the bot first (it writes to
#   Azurite while it stops) and the caller's trap stops Azurite after. Only for the interactive run: with the kernel's
#   autogroup scheduling a session of its own also changes how the CPU is shared, so the load command keeps one session.
start_azurite() {
  local port=$1 location=${2:-} session=${3:-} root; root=$(repo_root)
  local args=(--tableHost 127.0.0.1 --tablePort "$port" --silent --disableTelemetry)
  if [ -n "$location" ]; then mkdir -p "$location"; args+=(--location "$location"); else args+=(--inMemoryPersistence); fi
  if [ "$session" = own-session ]; then
    # A script's background job is no process group leader, so setsid does not fork: $! is Azurite itself.
    setsid node "$root/node_modules/azurite/dist/src/table/main.js" "${args[@]}" >/dev/null 2>&1 &
  else
    node "$root/node_modules/azurite/dist/src/table/main.js" "${args[@]}" >/dev/null 2>&1 &
  fi
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then echo "Azurite exited during start-up" >&2; return 1; fi
    sleep 0.2
  done
  echo "Azurite did not answer on 127.0.0.1:$port within 20 s" >&2
  return 1
}

azurite_connection_string() {
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$1/devstoreaccount1;"
}
