#!/usr/bin/env bash
# Adds a migration named $1 for every provider (each keeps its own migrations).
# Usage: Runtime/Store/add-migration.sh AddSomething
set -euo pipefail
name=${1:?migration name}
cd "$(dirname "$0")/../.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  dotnet ef migrations add "$name" --project Runtime --startup-project Dashboard \
    --context "${provider}FlowgateDbContext" --output-dir "Store/Migrations/$provider" \
    --namespace "Flowgate.Runtime.Store.Migrations.$provider"
done
# dotnet ef places a model snapshot by namespace when the folder and namespace differ; keep it beside its migrations.
if [ -d Runtime/Flowgate ]; then
  for provider in Sqlite SqlServer PostgreSql; do
    mv Runtime/Flowgate/Runtime/Store/Migrations/$provider/*.cs "Runtime/Store/Migrations/$provider/" 2>/dev/null || true
  done
  rm -rf Runtime/Flowgate
fi
