#!/usr/bin/env bash
# The second load generator (issue 28) against a bot process that has just started, as a deployment runs it: starts
# Azurite (in memory) and the bot on free loopback ports, runs `converse` at once (staff members answering whatever the
# bot asks, a new conversation per recovery, a turn ending at the prompt marked expectingInput), prints cold (first 30 s
# after the bot started) and warm figures, and stops what it started.
#   scripts/converse.sh                                  our bot: Release build, Production, appsettings.json logging
#   scripts/converse.sh --bot js --peer-dir /tmp/peer    the Bot Framework JS SDK peer (a copy of shared/peers/botbuilder-js
#                                                        with its own `npm ci` done), BlobsStorage on Azurite's Blob service
#   scripts/converse.sh --seconds 60 --conversations 50 --settle-ms 250 --transcript    (options go to `converse`)
#   scripts/converse.sh --park 200,10000                 RSS with that many live conversations (first turns only)
#   scripts/converse.sh --published                     our bot from `dotnet publish` as docs/DEPLOY.md makes it,
#                                                        instead of the Release build output
#   scripts/converse.sh --bot-dll DIR/ServiceRecoveryBot.dll   our bot from another build (an A/B pair)
#   scripts/converse.sh --counters out.csv               also the bot's runtime counters (JIT, GC, allocations, thread
#                                                        pool) every 5 s, by dotnet-counters (pinned, into .tools/)
set -euo pipefail
source "$(dirname "$0")/azurite.sh"
root=$(repo_root)
cd "$root"

bot=ours
peer_dir=
counters=
published=no
bot_dll=
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --counters) counters=$2; shift 2 ;;
    --published) published=yes; shift ;;
    --bot-dll) bot_dll=$2; shift 2 ;;
    --bot) bot=$2; shift 2 ;;
    --peer-dir) peer_dir=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
case "$bot" in
  ours) ;;
  js) [ -f "$peer_dir/bot.js" ] && [ -d "$peer_dir/node_modules" ] \
        || { echo "--bot js needs --peer-dir: a copy of shared/peers/botbuilder-js with npm ci run in it" >&2; exit 2; } ;;
  *) echo "--bot is ours or js" >&2; exit 2 ;;
esac

ensure_node_tools
if [ -n "$bot_dll" ]; then
  [ -f "$bot_dll" ] || { echo "--bot-dll: $bot_dll is not there" >&2; exit 2; }
elif [ "$bot" = ours ] && [ "$published" = yes ]; then
  step "Publish the bot (as docs/DEPLOY.md)" dotnet publish bot/ServiceRecoveryBot -c Release -o artifacts/publish \
    --nologo -v quiet -clp:ErrorsOnly -clp:NoSummary
  bot_dll=artifacts/publish/ServiceRecoveryBot.dll
elif [ "$bot" = ours ]; then
  bot_dll=bot/ServiceRecoveryBot/bin/Release/net10.0/ServiceRecoveryBot.dll
  step "Build the bot (Release)" dotnet build -c Release bot/ServiceRecoveryBot --nologo -v quiet -clp:ErrorsOnly -clp:NoSummary
fi
step "Build the generator (Release)" dotnet build -c Release tests/ServiceRecoveryBot.Benchmarks --nologo -v quiet -clp:ErrorsOnly -clp:NoSummary

counters_tool="$root/.tools/dotnet-tools/dotnet-counters"
if [ -n "$counters" ] && [ ! -x "$counters_tool" ]; then
  step "Install dotnet-counters 10.0.750501" dotnet tool install dotnet-counters --version 10.0.750501 --tool-path "$root/.tools/dotnet-tools"
fi

BOT_PID=
COUNTERS_PID=
cleanup() {
  # TERM: a background job of a script ignores INT.
  if [ -n "$COUNTERS_PID" ]; then kill -TERM "$COUNTERS_PID" 2>/dev/null || true; wait "$COUNTERS_PID" 2>/dev/null || true; fi
  # The bot first: it writes to Azurite while it stops.
  if [ -n "$BOT_PID" ]; then kill "$BOT_PID" 2>/dev/null || true; wait "$BOT_PID" 2>/dev/null || true; fi
  if [ -n "${AZURITE_PID:-}" ]; then kill "$AZURITE_PID" 2>/dev/null || true; wait "$AZURITE_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

storage_port=$(free_port)
bot_port=$(free_port)
if [ "$bot" = ours ]; then
  start_azurite "$storage_port"
  ConnectionStrings__Tables=$(azurite_connection_string "$storage_port") ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$bot_dll" --urls "http://127.0.0.1:$bot_port" >/dev/null &
  BOT_PID=$!
else
  node "$root/node_modules/azurite/dist/src/blob/main.js" --blobHost 127.0.0.1 --blobPort "$storage_port" \
    --inMemoryPersistence --silent --disableTelemetry >/dev/null 2>&1 &
  AZURITE_PID=$!
  await_azurite "$storage_port"
  PORT=$bot_port STORAGE=blobs AZURITE_BLOB_PORT=$storage_port BOT_QUIET=1 node "$peer_dir/bot.js" >/dev/null &
  BOT_PID=$!
fi
for _ in $(seq 1 300); do
  if curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$bot_port/healthz"; then break; fi
  if ! kill -0 "$BOT_PID" 2>/dev/null; then echo "The bot exited during start-up" >&2; exit 1; fi
  sleep 0.1
done

if [ -n "$counters" ] && [ "$bot" = ours ]; then
  "$counters_tool" collect -p "$BOT_PID" --format csv -o "$counters" --refresh-interval 5 --counters System.Runtime >/dev/null 2>&1 &
  COUNTERS_PID=$!
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg); bot: $bot"
dotnet tests/ServiceRecoveryBot.Benchmarks/bin/Release/net10.0/ServiceRecoveryBot.Benchmarks.dll converse \
  --url "http://127.0.0.1:$bot_port" --bot-pid "$BOT_PID" --cpu "bot=$BOT_PID,storage=$AZURITE_PID" "${args[@]}"
