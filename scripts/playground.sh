#!/usr/bin/env bash
# Opens the bot in the Microsoft 365 Agents Playground, Microsoft's Teams emulator, on loopback: start the bot first
# (scripts/run-bot.sh, on http://localhost:3978), then run this and open the address it prints. Installs the Playground
# (npm ci in tests/ServiceRecoveryBot.BrowserTests/playground) when needed; its telemetry is off and it listens on
# 127.0.0.1 only. Ctrl-C stops it.
#   PLAYGROUND_PORT (default 56150, another free one if taken), BOT_ENDPOINT (default http://localhost:3978/api/messages)
set -euo pipefail
source "$(dirname "$0")/azurite.sh"
root=$(repo_root)
dir="$root/tests/ServiceRecoveryBot.BrowserTests/playground"
endpoint=${BOT_ENDPOINT:-http://localhost:3978/api/messages}
port=${PLAYGROUND_PORT:-56150}

ensure_playground
ready="${endpoint%/api/messages}/readyz"
if ! curl -sf -o /dev/null --max-time 2 "$ready"; then
  echo "No bot answers at $ready: start it first with scripts/run-bot.sh (in another terminal)." >&2
  exit 1
fi
echo "Open http://127.0.0.1:$port/ (the Playground says the port it took if that one was busy). Its user, Alex Wilber"
echo "(user-id-0, tenant 00000000-0000-0000-0000-0000000000001), becomes a manager with:"
echo "  Managers__Teams__0__TeamKey=msteams:00000000-0000-0000-0000-0000000000001 Managers__Teams__0__UserIds__0=user-id-0 scripts/run-bot.sh"
mkdir -p "$root/.data/playground"
cd "$root/.data/playground"
export TEAMSAPPTESTER_BROWSER=none M365_AGENTS_PLAYGROUND_LOGFILE="$root/.data/playground/playground.log"
exec node --require "$dir/loopback.cjs" "$dir/node_modules/@microsoft/m365agentsplayground/cli.js" \
  --app-endpoint "$endpoint" --channel-id msteams --port "$port" --disable-telemetry
