#!/usr/bin/env bash
# Builds the Teams app package: manifest/teams/manifest.json with the bot's app id filled in,
# plus color.png and outline.png, zipped at the root of ServiceRecoveryBot-teams.zip.
#
#   scripts/build-teams-package.sh <botAppId> [outDir]
#
# botAppId  the Azure Bot's Microsoft App ID: with the Bicep in infra/ it is the managed
#           identity's client id (deployment output botAppId).
# outDir    where to write the zip; default artifacts/teams.
# Optional environment:
#   BOT_DOMAIN   the bot's host name (e.g. app-srbot-dev-abc123.azurewebsites.net), added to validDomains
#   TEAMS_APP_ID a GUID to use as the Teams app id instead of the one in manifest.json
#                (one per environment, so dev and prod can live side by side in one tenant)
set -euo pipefail

usage() { echo "usage: $0 <botAppId (GUID)> [outDir]" >&2; exit 2; }
guid_re='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
placeholder='00000000-0000-0000-0000-000000000000'

[[ $# -ge 1 && $# -le 2 ]] || usage
bot_id="$1"
if [[ ! "$bot_id" =~ $guid_re || "$bot_id" == "$placeholder" ]]; then
  echo "build-teams-package: '$bot_id' is not a bot app id (expected a GUID such as 1b4f2f9e-0c3a-4a6e-9d1e-3c2b7a8f9e10)" >&2
  exit 2
fi
if [[ -n "${TEAMS_APP_ID:-}" && ! "$TEAMS_APP_ID" =~ $guid_re ]]; then
  echo "build-teams-package: TEAMS_APP_ID '$TEAMS_APP_ID' is not a GUID" >&2
  exit 2
fi
if [[ -n "${BOT_DOMAIN:-}" && ! "$BOT_DOMAIN" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]]; then
  echo "build-teams-package: BOT_DOMAIN '$BOT_DOMAIN' is not a host name" >&2
  exit 2
fi
command -v zip >/dev/null || { echo "build-teams-package: needs 'zip' (apt-get install -y zip)" >&2; exit 1; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/manifest/teams"
out_dir="${2:-$root/artifacts/teams}"
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"
zip_path="$out_dir/ServiceRecoveryBot-teams.zip"

grep -q "\"botId\": \"$placeholder\"" "$src/manifest.json" || {
  echo "build-teams-package: manifest.json no longer has the botId placeholder $placeholder" >&2
  exit 1
}

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

sed_args=(-e "s/\"botId\": \"$placeholder\"/\"botId\": \"$bot_id\"/")
if [[ -n "${TEAMS_APP_ID:-}" ]]; then
  sed_args+=(-e "0,/^  \"id\": \"[0-9a-fA-F-]*\"/s//  \"id\": \"$TEAMS_APP_ID\"/")
fi
if [[ -n "${BOT_DOMAIN:-}" ]]; then
  sed_args+=(-e "s/^    \"token.botframework.com\"$/    \"token.botframework.com\",\n    \"$BOT_DOMAIN\"/")
fi
sed "${sed_args[@]}" "$src/manifest.json" > "$stage/manifest.json"
cp "$src/color.png" "$src/outline.png" "$stage/"

grep -q "\"botId\": \"$bot_id\"" "$stage/manifest.json" || {
  echo "build-teams-package: failed to fill in the bot id" >&2
  exit 1
}

rm -f "$zip_path"
(cd "$stage" && zip -q -X "$zip_path" manifest.json color.png outline.png)
echo "$zip_path"
