#!/usr/bin/env bash
# Installs what the tests need when missing, runs every test, and ends with
#   tests: N passed, N failed, N skipped
# counted from the test runner's own result files.
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '==> %s\n' "$*"; }

# Browser tests drive the machine's Chromium through Playwright (no browser download).
if [ ! -x /usr/bin/chromium ]; then
  log "installing chromium"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
    || { echo "could not install chromium"; echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
fi

# Auth0's Node SDK drives the Management API in NodeSdkTests, openid-client and Auth0's SPA SDK log in in
# OpenIdClientTests and Auth0SpaJsTests: the packages pinned in the lock file, installed again when package.json
# names one node_modules lacks.
installed='const d = require("./package.json").dependencies; process.exit(Object.keys(d).every(n => require("fs").existsSync(`node_modules/${n}/package.json`)) ? 0 : 1)'
if ! (cd Dashboard.Tests/Sdk && node -e "$installed" 2>/dev/null); then
  log "installing the Node SDK test packages"
  (cd Dashboard.Tests/Sdk && npm ci --no-audit --no-fund >/dev/null) \
    || { echo "npm ci in Dashboard.Tests/Sdk failed (Node >= 20.19 and npm are needed)"; echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log "restoring tools"
dotnet tool restore >/dev/null || { echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

log "building"
if ! dotnet build Dashboard.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

results=TestResults
rm -rf "$results"
log "running tests"
dotnet test Dashboard.Tests/Dashboard.Tests.csproj -c Release --no-build -nologo \
  --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@"
status=$?

trx=$(ls "$results"/*.trx 2>/dev/null | head -n 1)
if [ -z "$trx" ]; then
  echo "no test results were written (exit $status)"
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi
counter() { grep -o "<Counters [^>]*" "$trx" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
passed=$(counter passed); failed=$(counter failed); total=$(counter total)
errors=$(counter error); timeouts=$(counter timeout); aborted=$(counter aborted)
failed=$(( ${failed:-0} + ${errors:-0} + ${timeouts:-0} + ${aborted:-0} ))
skipped=$(( ${total:-0} - ${passed:-0} - failed ))
[ "$skipped" -lt 0 ] && skipped=0
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: ${passed:-0} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
