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

# The PostgreSQL tests run on a throwaway cluster of Debian's server: a temporary folder, a free loopback port, its
# socket in that folder, stopped and removed at the end. The server refuses to run as root: as root it runs as the
# package's postgres user.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ]; then
  log "installing postgresql"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null \
    || { echo "could not install postgresql"; echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
fi
pgbin=$(pg_bin)
pgdir=$(mktemp -d "${TMPDIR:-/tmp}/flowgate-pg.XXXXXX")
chmod 755 "$pgdir"
if [ "$(id -u)" = 0 ]; then pgas="runuser -u postgres --"; chown postgres: "$pgdir"; else pgas=""; fi
pgstop() { $pgas "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pgdir"; }
trap pgstop EXIT
pgport=""
# Below Linux's ephemeral range (32768+): a port some process holds as the source of an outgoing connection refuses
# the probe's connect yet cannot be bound, and postgres then fails to start (seen once in CI).
for _ in $(seq 50); do
  candidate=$(( 20000 + RANDOM % 12000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then pgport=$candidate; break; fi
done
pgpass=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$pgpass" > "$pgdir/pwfile" && chmod 644 "$pgdir/pwfile"
log "starting a throwaway postgresql on 127.0.0.1:$pgport"
if ! $pgas "$pgbin/initdb" -D "$pgdir/data" -U flowgate --pwfile="$pgdir/pwfile" --auth=scram-sha-256 -E UTF8 --no-locale >"$pgdir/initdb.log" 2>&1 \
  || ! $pgas "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
       -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off" start >/dev/null; then
  cat "$pgdir/initdb.log" "$pgdir/server.log" 2>/dev/null | tail -n 20
  echo "could not start postgresql"; echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1
fi
rm -f "$pgdir/pwfile"
export FLOWGATE_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Database=postgres;Username=flowgate;Password=$pgpass"

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
