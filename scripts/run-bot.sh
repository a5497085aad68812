#!/usr/bin/env bash
# Runs the bot on http://localhost:3978 with Azurite (Table Storage) on loopback. Ctrl-C stops both.
#   scripts/run-bot.sh            the web bot (Web Chat at /, POST /api/messages)
#   scripts/run-bot.sh chat       the console chat, same pipeline; it listens on no port, and beside a running web bot
#                                 it uses that run's Azurite (two on one data folder would lose cases)
# Each step prints its time; what is already done is skipped (npm ci when package-lock.json is unchanged, restore and
# build when no source changed since the last build this script made).
set -euo pipefail
source "$(dirname "$0")/azurite.sh"
root=$(repo_root)
cd "$root"

url=${ASPNETCORE_URLS:-http://localhost:3978}
project=bot/ServiceRecoveryBot
output=$project/bin/Debug/net10.0
built_stamp=$project/obj/run-bot.built
data="$root/.data/azurite"

BOT_PID=
AZURITE_PID=
cleanup() {
  # The bot first: it writes to Azurite while it stops.
  if [ -n "$BOT_PID" ]; then kill -TERM "$BOT_PID" 2>/dev/null || true; wait "$BOT_PID" 2>/dev/null || true; fi
  if [ -n "${NODE_TOOLS_PID:-}" ]; then kill "$NODE_TOOLS_PID" 2>/dev/null || true; fi
  if [ -n "$AZURITE_PID" ]; then rm -f "$data.pid"; kill "$AZURITE_PID" 2>/dev/null || true; wait "$AZURITE_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "Preparing the bot (each step with its time; Ctrl-C stops)"
start_node_tools

# Azurite starts while the bot restores and builds (once the Node tools are there).
# An Azurite already serving .data/azurite (the web bot's, when this is the console chat) is used, not started again.
azurite_note=
start_azurite_now() {
  azurite_started=${EPOCHREALTIME/,/.}
  if port=$(running_azurite "$data"); then
    azurite_note="the one already serving .data/azurite on 127.0.0.1:$port; it stops with the run that started it"
    return 0
  fi
  port=${AZURITE_PORT:-10002}
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then port=$(free_port); fi
  launch_azurite "$port" "$data" own-session
  echo "$AZURITE_PID $port" > "$data.pid"
}
[ -z "${NODE_TOOLS_PID:-}" ] && start_azurite_now

if restore_needed bot; then
  step "Restore NuGet packages" dotnet restore "$project" --nologo -v quiet
else
  step_skip "Restore NuGet packages" "up to date"
fi
# npm ci (when needed) runs alongside the restore, not the build: the build copies the Web Chat bundle from node_modules,
# which npm ci empties first.
if [ -n "${NODE_TOOLS_PID:-}" ]; then
  finish_node_tools
  start_azurite_now
fi
if [ ! -f "$output/ServiceRecoveryBot.dll" ] || sources_newer_than "$built_stamp" bot; then
  step "Build the bot" dotnet build "$project" --no-restore --nologo -v quiet -clp:ErrorsOnly
  touch "$built_stamp"
else
  step_skip "Build the bot" "no source changed since the last build"
fi

await_azurite "$port"
step_note "Start Azurite" "$(elapsed_since "$azurite_started") s (${azurite_note:-Table service on 127.0.0.1:$port, data in .data/azurite})"

export ConnectionStrings__Tables; ConnectionStrings__Tables=$(azurite_connection_string "$port")
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
if [ "${1:-}" = "chat" ]; then
  echo "Ready after $(elapsed_since "$SCRIPT_STARTED") s: type a message (Ctrl-D or Ctrl-C ends)."
  (cd "$project" && dotnet bin/Debug/net10.0/ServiceRecoveryBot.dll chat)
  exit 0
fi

# The bot's own log goes to the terminal; the step ends when the bot reports itself ready (tables created, storage answers).
bot_started=${EPOCHREALTIME/,/.}
echo "  > Start the bot ..."
(cd "$project" && exec dotnet bin/Debug/net10.0/ServiceRecoveryBot.dll --urls "$url") &
BOT_PID=$!
ready_url="${url%%;*}"; ready_url="${ready_url%/}/readyz"
for _ in $(seq 1 300); do
  if curl -sf -o /dev/null --max-time 2 "$ready_url"; then break; fi
  if ! kill -0 "$BOT_PID" 2>/dev/null; then echo "The bot exited during start-up" >&2; exit 1; fi
  sleep 0.2
done
if ! curl -sf -o /dev/null --max-time 2 "$ready_url"; then echo "The bot did not report ready at $ready_url within 60 s" >&2; exit 1; fi
step_note "Start the bot" "$(elapsed_since "$bot_started") s"
echo
echo "Ready after $(elapsed_since "$SCRIPT_STARTED") s. Open ${url%%;*}/ in a browser (Web Chat), POST activities to"
echo "${url%%;*}/api/messages, or chat in a terminal with: scripts/run-bot.sh chat. Ctrl-C stops the bot and Azurite."
wait "$BOT_PID"
