#!/usr/bin/env bash
# Runs every test. Installs what it needs (dotnet restore, npm ci for Azurite and friends), then runs the tests —
# inside a network namespace with only loopback where the machine allows it, so nothing can reach beyond loopback.
# The test fixtures start and stop Azurite themselves on free loopback ports. Ends with one line:
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
  echo "Installing chromium for the browser tests (apt-get, a few minutes the first time)..."
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null \
    || { echo "Could not install chromium with apt-get" >&2; return 1; }
}

ensure_node_tools || exit 1
ensure_chromium || exit 1
echo "Restoring and building..."
dotnet build ServiceRecoveryBot.sln --nologo -v quiet -clp:ErrorsOnly || exit 1
if [ -x scripts/check-infra.sh ]; then scripts/check-infra.sh || infra_failed=1; fi

results="$root/TestResults"
rm -rf "$results"; mkdir -p "$results"
export BROWSER_TEST_RESULTS="$results/browser"
run_tests() {
  dotnet test ServiceRecoveryBot.sln --no-build --nologo -v quiet --logger "trx" --results-directory "$results" "$@"
}
if unshare -n true 2>/dev/null && command -v ip >/dev/null; then
  echo "Running tests with loopback-only networking (unshare -n)..."
  export -f run_tests; export results
  unshare -n bash -c 'ip link set lo up && run_tests "$@"' _ "$@"
else
  echo "Running tests (this machine cannot make a loopback-only network namespace)..."
  run_tests "$@"
fi
status=$?

node "$root/scripts/sum-trx.js" "$results"
if [ "${infra_failed:-0}" = 1 ]; then echo "Infrastructure check failed"; exit 1; fi
exit $status
