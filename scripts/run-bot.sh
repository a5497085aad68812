#!/usr/bin/env bash
# Runs the bot on http://localhost:3978 with Azurite (Table Storage) on loopback. Ctrl-C stops both.
#   scripts/run-bot.sh            the web bot (POST /api/messages)
#   scripts/run-bot.sh chat       the console chat, same pipeline
set -euo pipefail
source "$(dirname "$0")/azurite.sh"
root=$(repo_root)
cd "$root"

ensure_node_tools
echo "Restoring and building the bot..."
dotnet build bot/ServiceRecoveryBot --nologo -v quiet -clp:ErrorsOnly

port=${AZURITE_PORT:-10002}
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then port=$(free_port); fi
start_azurite "$port" "$root/.data/azurite" own-session
trap 'kill "$AZURITE_PID" 2>/dev/null; wait "$AZURITE_PID" 2>/dev/null || true' EXIT INT TERM
echo "Azurite Table service on 127.0.0.1:$port (data in .data/azurite)"

export ConnectionStrings__Tables; ConnectionStrings__Tables=$(azurite_connection_string "$port")
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
if [ "${1:-}" = "chat" ]; then
  dotnet run --no-build --project bot/ServiceRecoveryBot -- chat
else
  echo "Bot on http://localhost:3978 — open http://localhost:3978/ in a browser, POST activities to /api/messages,"
  echo "or chat in a terminal with: scripts/run-bot.sh chat"
  dotnet run --no-build --project bot/ServiceRecoveryBot -- --urls "${ASPNETCORE_URLS:-http://localhost:3978}"
fi
