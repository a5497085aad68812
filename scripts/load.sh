#!/usr/bin/env bash
# The load command (issue 2): builds Release, starts Azurite (in memory) and the bot on free loopback ports, drives the
# recovery dialog over HTTP with the load generator, prints its figures, and stops everything it started.
#   scripts/load.sh                                   50 conversations x 10 recoveries, closed loop, 25 warm-up recoveries
#   scripts/load.sh --rate 500                        the same, paced at 500 turns a second in all
#   scripts/load.sh --conversations 10 --recoveries 2 --warmup 0 --by-step --timeline
# Every option is passed to the load generator (tests/ServiceRecoveryBot.Benchmarks/LoadCommand.cs).
set -euo pipefail
source "$(dirname "$0")/azurite.sh"
root=$(repo_root)
cd "$root"

ensure_node_tools
dotnet build -c Release bot/ServiceRecoveryBot --nologo -v quiet -clp:ErrorsOnly -clp:NoSummary
dotnet build -c Release tests/ServiceRecoveryBot.Benchmarks --nologo -v quiet -clp:ErrorsOnly -clp:NoSummary

BOT_PID=
cleanup() {
  # The bot first: it writes to Azurite while it stops.
  [ -n "$BOT_PID" ] && kill "$BOT_PID" 2>/dev/null && wait "$BOT_PID" 2>/dev/null
  [ -n "${AZURITE_PID:-}" ] && kill "$AZURITE_PID" 2>/dev/null
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

azurite_port=$(free_port)
start_azurite "$azurite_port"
bot_port=$(free_port)
ConnectionStrings__Tables=$(azurite_connection_string "$azurite_port") Logging__LogLevel__Default=Warning \
  dotnet bot/ServiceRecoveryBot/bin/Release/net10.0/ServiceRecoveryBot.dll --urls "http://127.0.0.1:$bot_port" >/dev/null &
BOT_PID=$!
for _ in $(seq 1 150); do
  if curl -sf -o /dev/null "http://127.0.0.1:$bot_port/healthz"; then break; fi
  if ! kill -0 "$BOT_PID" 2>/dev/null; then echo "The bot exited during start-up" >&2; exit 1; fi
  sleep 0.2
done

defaults=(--conversations 50 --recoveries 10 --warmup 25)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet tests/ServiceRecoveryBot.Benchmarks/bin/Release/net10.0/ServiceRecoveryBot.Benchmarks.dll load \
  --url "http://127.0.0.1:$bot_port" --cpu "bot=$BOT_PID,azurite=$AZURITE_PID" "${defaults[@]}" "$@"
