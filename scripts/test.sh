#!/usr/bin/env bash
# Runs every test. Installs what it needs (dotnet restore, npm ci for Azurite and friends and for the Agents
# Playground), then runs the tests —
# inside a network namespace with only loopback where the machine allows it, so nothing can reach beyond loopback.
# The test fixtures start and stop Azurite themselves on free loopback ports. Each step prints its time; npm ci is
# skipped when package-lock.json is unchanged, restore and build when no source changed since the last build this script
# made. Ends with one line:
#   N passed, N failed, N skipped
set -uo pipefail
source "$(dirname "$0")/azurite.sh"
root=$(repo_root)
cd "$root"

# The browser test drives Debian's chromium. Installs it (before the network goes loopback-only) when missing and we
# are root; otherwise the test reports itself skipped.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" != 0 ]; then
    echo "Browser tests will be SKIPPED: /usr/bin/chromium is missing and this is not root (install it with: sudo apt-get install -y chromium)."
    return 0
  fi
  step "Install chromium (apt-get, minutes)" bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium' \
    || { echo "Could not install chromium with apt-get" >&2; return 1; }
}

# How many test projects have written their results, against how many there are.
tests_progress() {
  echo "$(find "$results" -name '*.trx' 2>/dev/null | wc -l)/$(grep -l '<IsTestProject>true' tests/*/*.csproj | wc -l) test projects done"
}

echo "Preparing the tests (each step with its time)"
ensure_node_tools || exit 1
ensure_playground || exit 1
ensure_chromium || exit 1
# The build is skipped when its stamp (written after the last build here) is newer than every source and every test
# project's assembly is there.
built_stamp="$root/tests/ServiceRecoveryBot.Tests/obj/test-build.stamp"
test_assemblies_built() {
  local proj name
  for proj in $(grep -l '<IsTestProject>true' tests/*/*.csproj); do
    name=$(basename "$proj" .csproj)
    [ -f "$(dirname "$proj")/bin/Debug/net10.0/$name.dll" ] || return 1
  done
}
if [ ! -f "$built_stamp" ] || ! test_assemblies_built || sources_newer_than "$built_stamp" bot tests "$root/ServiceRecoveryBot.sln"; then
  if restore_needed bot tests; then
    step "Restore NuGet packages" dotnet restore ServiceRecoveryBot.sln --nologo -v quiet || exit 1
  else
    step_skip "Restore NuGet packages" "up to date"
  fi
  step "Build the solution" dotnet build ServiceRecoveryBot.sln --no-restore --nologo -v quiet -clp:ErrorsOnly || exit 1
  touch "$built_stamp"
else
  step_skip "Restore and build" "no source changed since the last build"
fi
if [ -x scripts/check-infra.sh ]; then step "Check the Bicep (infra/)" scripts/check-infra.sh || infra_failed=1; fi

results="$root/TestResults"
rm -rf "$results"; mkdir -p "$results"
export BROWSER_TEST_RESULTS="$results/browser"
run_tests() {
  dotnet test ServiceRecoveryBot.sln --no-build --nologo -v quiet --logger "trx" --results-directory "$results" "$@"
}
STEP_PROGRESS=tests_progress STEP_SHOW_LOG=1
if unshare -n true 2>/dev/null && command -v ip >/dev/null; then
  export -f run_tests; export results
  step "Run the tests (loopback-only network)" unshare -n bash -c 'ip link set lo up && run_tests "$@"' _ "$@"
else
  echo "This machine cannot make a loopback-only network namespace: the tests run with the machine's network."
  step "Run the tests" run_tests "$@"
fi
status=$?
unset STEP_PROGRESS STEP_SHOW_LOG

if [ "${infra_failed:-0}" = 1 ]; then echo "Infrastructure check failed"; status=1; fi
echo "All steps: $(elapsed_since "$SCRIPT_STARTED") s"
node "$root/scripts/sum-trx.js" "$results"
exit $status
