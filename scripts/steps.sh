#!/usr/bin/env bash
# Shows what the scripts do while they do it: each step's name as it starts, a ticker with the elapsed time (and how
# far it got, where that can be told) while it runs, and its time when done. Sourced by run-bot.sh and test.sh.

SCRIPT_STARTED=${EPOCHREALTIME/,/.}

# Seconds since $1 (an EPOCHREALTIME), one decimal.
elapsed_since() { awk -v a="$1" -v b="${EPOCHREALTIME/,/.}" 'BEGIN { printf "%.1f", b - a }'; }

step_skip() { printf '  - %-34s skipped (%s)\n' "$1" "$2"; }
step_note() { printf '  - %-34s %s\n' "$1" "$2"; }

# step LABEL COMMAND...: runs COMMAND with its output in a log, shows a ticker while it runs and prints the log's end
# if it fails. STEP_PROGRESS, when set, is a command whose one-line output the ticker shows (e.g. "312/458 packages").
# STEP_SHOW_LOG=1 prints the whole log, after success too (the test run's own lines).
step() {
  local label=$1; shift
  local log; log=$(mktemp "${TMPDIR:-/tmp}/srb-step.XXXXXX")
  local started=${EPOCHREALTIME/,/.} progress=${STEP_PROGRESS:-} ticker=
  if [ -t 1 ]; then
    # The ticker stops by itself when the script is gone ($$ is the script, also inside this subshell).
    ( while kill -0 $$ 2>/dev/null; do
        extra=; [ -n "$progress" ] && extra=", $(eval "$progress" 2>/dev/null)"
        printf '\r  > %-34s %s s%s   ' "$label" "$(elapsed_since "$started" | cut -d. -f1)" "$extra"
        sleep 1
      done ) &
    ticker=$!
  else
    printf '  > %s ...\n' "$label"
    ( n=0; while kill -0 $$ 2>/dev/null; do
        sleep 1; n=$((n + 1))
        if [ $((n % 20)) = 0 ]; then
          extra=; [ -n "$progress" ] && extra=", $(eval "$progress" 2>/dev/null)"
          printf '    %s: %s s%s\n' "$label" "$n" "$extra"
        fi
      done ) &
    ticker=$!
  fi
  local status=0
  "$@" >"$log" 2>&1 || status=$?
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  if [ -t 1 ]; then printf '\r\033[K'; fi
  if [ "$status" = 0 ]; then
    printf '  + %-34s %s s\n' "$label" "$(elapsed_since "$started")"
    if [ "${STEP_SHOW_LOG:-0}" = 1 ]; then cat "$log"; fi
  else
    printf '  ! %-34s failed after %s s (exit %s); its last lines:\n' "$label" "$(elapsed_since "$started")" "$status"
    if [ "${STEP_SHOW_LOG:-0}" = 1 ]; then cat "$log"; else tail -n 40 "$log" | sed 's/^/    /'; fi
  fi
  rm -f "$log"
  return "$status"
}

# Whether any input of a build (sources, projects, the shared props, the Node tools it copies) is newer than FILE.
# Usage: sources_newer_than FILE DIR...  (exit 0 = something is newer or FILE is missing: build)
sources_newer_than() {
  local stamp=$1; shift
  [ -f "$stamp" ] || return 0
  local root; root=$(repo_root)
  [ -n "$(find "$@" "$root/Directory.Build.props" "$root/Directory.Packages.props" "$root/global.json" \
            "$root/node_modules/.package-lock.json" \
            \( -name bin -o -name obj -o -name TestResults -o -name BenchmarkDotNet.Artifacts \) -prune -o \
            -type f -newer "$stamp" -print -quit 2>/dev/null)" ]
}

# Whether NuGet restore can be skipped: every project under DIR... has a project.assets.json newer than its project
# file and the shared props. Exit 0 = restore needed.
restore_needed() {
  local root; root=$(repo_root)
  local proj assets
  while IFS= read -r proj; do
    assets="$(dirname "$proj")/obj/project.assets.json"
    [ -f "$assets" ] || return 0
    [ "$proj" -nt "$assets" ] || [ "$root/Directory.Packages.props" -nt "$assets" ] \
      || [ "$root/Directory.Build.props" -nt "$assets" ] || [ "$root/global.json" -nt "$assets" ] && return 0
  done < <(find "$@" \( -name bin -o -name obj \) -prune -o -name '*.csproj' -print)
  return 1
}
