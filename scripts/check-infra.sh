#!/usr/bin/env bash
# Builds and lints the Bicep in infra/ with the pinned Bicep CLI from NuGet
# (Azure.Bicep.CommandLine.linux-x64, see infra/tools/BicepCli.proj).
# Fails on a non-zero exit or on any output line containing "Warning" or "Error".
# Needs the network only for the first NuGet restore; later runs reuse .tools/nuget.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bicep_version="$(sed -n 's/.*Azure\.Bicep\.CommandLine\.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' infra/tools/BicepCli.proj)"
if [[ -z "$bicep_version" ]]; then
  echo "check-infra: cannot read the Bicep version from infra/tools/BicepCli.proj" >&2
  exit 1
fi
packages="$root/.tools/nuget"
bicep="$packages/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"

if [[ ! -x "$bicep" ]]; then
  echo "check-infra: restoring Bicep CLI $bicep_version into .tools/nuget"
  dotnet restore infra/tools/BicepCli.proj --packages "$packages" --verbosity quiet --nologo
  chmod +x "$bicep" 2>/dev/null || true
fi
if [[ ! -x "$bicep" ]]; then
  echo "check-infra: $bicep not found after restore" >&2
  exit 1
fi

# The CLI would otherwise look for updates and send telemetry.
export BICEP_TELEMETRY_ENABLED=false
export DOTNET_CLI_TELEMETRY_OPTOUT=1

out_dir="$(mktemp -d)"
trap 'rm -rf "$out_dir"' EXIT

failed=0
run() {
  local out rc=0
  out="$("$bicep" "$@" 2>&1)" || rc=$?
  if [[ -n "$out" ]]; then printf '%s\n' "$out"; fi
  if (( rc != 0 )) || grep -qE 'Warning|Error' <<<"$out"; then
    echo "check-infra: FAILED: bicep $* (exit $rc)" >&2
    failed=1
  else
    echo "check-infra: ok: bicep $*"
  fi
}

# Diagnostics go to the terminal; the compiled JSON goes to a temporary folder.
run build infra/main.bicep --outdir "$out_dir" --no-restore
for params in infra/*.bicepparam; do
  run build-params "$params" --outdir "$out_dir" --no-restore
done
# One process lints main.bicep, every module and every parameters file.
run lint --pattern 'infra/**/*.bicep*' --no-restore

if (( failed )); then
  echo "check-infra: failed" >&2
  exit 1
fi
echo "check-infra: Bicep builds and lints clean"
