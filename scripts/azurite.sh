#!/usr/bin/env bash
# Helpers for starting Azurite's Table service on loopback. Sourced by run-bot.sh, test.sh and load.sh.
# Always --disableTelemetry: without it Azurite tries to reach an address outside the machine.

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }
source "$(dirname "${BASH_SOURCE[0]}")/steps.sh"

# ensure_node_tools: installs the pinned Node tools (Azurite, lexicon, Web Chat bundle, manifest schemas) unless node_modules already
# holds what package-lock.json pins: after each npm ci the lock file's hash is kept in node_modules/.srb-lock.sha256, so
# a checkout or rebase that touches the file without changing it installs nothing. An install made before that stamp
# existed counts when npm's own copy of the lock is newer than the lock file (the check used before), and gets a stamp.
ensure_node_tools() { start_node_tools && finish_node_tools; }

# start_node_tools: npm ci in the background when needed (NODE_TOOLS_PID set), so the caller can restore and build
# meanwhile; finish_node_tools waits for it, with a ticker.
start_node_tools() {
  local root; root=$(repo_root)
  local stamp="$root/node_modules/.srb-lock.sha256" want
  NODE_TOOLS_PID=
  want=$(sha256sum "$root/package-lock.json" | cut -d' ' -f1)
  # Azurite's entry point stands for the whole install: an npm ci cut short leaves the lock copy but not always it.
  if [ -f "$root/node_modules/.package-lock.json" ] && [ -f "$root/node_modules/azurite/dist/src/table/main.js" ]; then
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
      step_skip "Node tools (npm ci)" "package-lock.json unchanged"; return 0
    fi
    if [ ! -f "$stamp" ] && cmp -s <(sed -n '1,3p' "$root/package-lock.json") <(sed -n '1,3p' "$root/node_modules/.package-lock.json") \
       && ! [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
      echo "$want" >"$stamp"
      step_skip "Node tools (npm ci)" "installed before"; return 0
    fi
  fi
  NODE_TOOLS_LOG=$(mktemp "${TMPDIR:-/tmp}/srb-npm.XXXXXX")
  NODE_TOOLS_HASH=$want
  NODE_TOOLS_STARTED=${EPOCHREALTIME/,/.}
  (cd "$root" && exec npm ci --no-audit --no-fund --loglevel=error) >"$NODE_TOOLS_LOG" 2>&1 &
  NODE_TOOLS_PID=$!
  step_note "Node tools (npm ci, 1-4 min)" "started in the background"
}

finish_node_tools() {
  [ -n "${NODE_TOOLS_PID:-}" ] || return 0
  local root; root=$(repo_root)
  step "Node tools (npm ci)" wait_node_tools || return 1
  if [ ! -f "$root/node_modules/azurite/dist/src/table/main.js" ]; then
    echo "npm ci ended without installing Azurite (node_modules/azurite); run it again: npm ci" >&2; return 1
  fi
  step_note "  npm ci in all" "$(elapsed_since "$NODE_TOOLS_STARTED") s"
  echo "$NODE_TOOLS_HASH" >"$root/node_modules/.srb-lock.sha256"
  NODE_TOOLS_PID=
}

wait_node_tools() {
  local status=0
  wait "$NODE_TOOLS_PID" || status=$?
  cat "$NODE_TOOLS_LOG"; rm -f "$NODE_TOOLS_LOG"
  return "$status"
}

# ensure_playground: installs the Microsoft 365 Agents Playground (tests/ServiceRecoveryBot.BrowserTests/playground, its own
# package-lock.json) with npm ci unless that lock is installed already (same stamp scheme as ensure_node_tools).
ensure_playground() {
  local dir; dir="$(repo_root)/tests/ServiceRecoveryBot.BrowserTests/playground"
  local stamp="$dir/node_modules/.srb-lock.sha256" want
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ -f "$dir/node_modules/@microsoft/m365agentsplayground/cli.js" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    step_skip "Agents Playground (npm ci)" "package-lock.json unchanged"; return 0
  fi
  step "Agents Playground (npm ci)" bash -c "cd '$dir' && npm ci --no-audit --no-fund --loglevel=error" || return 1
  echo "$want" >"$stamp"
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
  await_azurite "$port"
}

# launch_azurite PORT [LOCATION] [own-session]: start_azurite without waiting; await_azurite PORT waits for it (so the
# caller can build meanwhile).
launch_azurite() { start_azurite_wait=no start_azurite "$@"; }

await_azurite() {
  local port=$1
  [ "${start_azurite_wait:-yes}" = no ] && return 0
  # 60 s: on a busy machine (load 60 on 2 cores) Azurite has taken more than 20 s to answer.
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then echo "Azurite exited during start-up" >&2; return 1; fi
    sleep 0.2
  done
  echo "Azurite did not answer on 127.0.0.1:$port within 60 s" >&2
  return 1
}

# running_azurite LOCATION -> prints the Table port of an Azurite already serving LOCATION and returns 0; returns 1 when
#   there is none. Two Azurites on one data folder overwrite each other's data, so a second run-bot.sh (the console chat
#   beside the web bot) uses the one running: found by the pid file run-bot.sh writes, else by a node process whose
#   command line names that --location.
running_azurite() {
  local location=$1 pid port proc cmd
  if [ -f "$location.pid" ] && read -r pid port < "$location.pid" && kill -0 "$pid" 2>/dev/null \
     && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "$port"; return 0
  fi
  for proc in /proc/[0-9]*; do
    cmd=$(tr '\0' ' ' < "$proc/cmdline" 2>/dev/null) || continue
    case "$cmd" in *azurite*" --location $location "*) ;; *) continue ;; esac
    port=$(sed -n 's/.*--tablePort \([0-9][0-9]*\).*/\1/p' <<< "$cmd")
    if [ -n "$port" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

azurite_connection_string() {
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$1/devstoreaccount1;"
}
