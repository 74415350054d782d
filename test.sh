#!/usr/bin/env bash
# Builds everything, starts what the tests need (Azurite in memory on free ports), runs every test project, stops
# what it started and prints one closing line: "N passed, N failed, N skipped". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
bollebygd_setup --with-chromium

configuration=Release
results=.run/test-results
rm -rf "$results" && mkdir -p "$results"

echo "test: building ($configuration)"
dotnet build Bollebygd.Functions.sln -c "$configuration" -nologo -clp:ErrorsOnly -v:q || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
node web/build/generate.mjs || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

pids=()
cleanup() {
  bollebygd_stop 5 "${pids[@]}"
}
trap cleanup EXIT INT TERM

blob=$(bollebygd_free_port); queue=$(bollebygd_free_port); table=$(bollebygd_free_port)
node_modules/.bin/azurite --silent --inMemoryPersistence --skipApiVersionCheck --loose \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
  --tableHost 127.0.0.1 --tablePort "$table" > "$results/azurite.log" 2>&1 &
pids+=($!)
for port in "$blob" "$queue" "$table"; do
  bollebygd_wait_port "$port" 30 || { echo "test: Azurite did not start"; cat "$results/azurite.log"; exit 1; }
done
export BOLLEBYGD_AZURITE_PORTS="$blob,$queue,$table"
echo "test: Azurite on blob $blob, queue $queue, table $table"

passed=0 failed=0 skipped=0 broken=0

# The browser side: the validation rules (shared test vectors) and the page generator, on Node's own test runner.
echo "test: web (node --test)"
node --test web/tests/ > "$results/web.log" 2>&1
code=$?
web_count() { sed -n "s/^# $1 \([0-9]*\)$/\1/p" "$results/web.log" | tail -n 1; }
p=$(web_count pass); f=$(web_count fail); k=$(web_count skipped)
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${k:-0}))
grep -E "^not ok|^# (tests|pass|fail)" "$results/web.log" || true
if [ $code -ne 0 ] && [ "${f:-0}" = "0" ]; then
  echo "test: web tests exited with $code"; tail -n 40 "$results/web.log"; broken=$((broken + 1))
fi
# The infrastructure: bicep build and lint must say nothing (the CLI comes from the NuGet package restored with
# tests/Bollebygd.Infra.Tests, which also asserts the compiled template's security properties).
echo "test: infra (bicep build, bicep lint)"
bicep_version=$(sed -n 's/.*"Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
bicep="${NUGET_PACKAGES:-$HOME/.nuget/packages}/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
chmod u+x "$bicep" 2>/dev/null
if ! diagnostics=$({ "$bicep" build infra/main.bicep --outfile "$results/main.json" && "$bicep" lint infra/main.bicep; } 2>&1) || [ -n "$diagnostics" ]; then
  echo "test: bicep reported:"; echo "$diagnostics"; broken=$((broken + 1))
fi

for project in tests/Bollebygd.Core.Tests tests/Bollebygd.Infra.Tests tests/Bollebygd.Functions.Tests tests/Bollebygd.EndToEnd.Tests; do
  name=$(basename "$project"); f=0
  echo "test: $name"
  dotnet test "$project" -c "$configuration" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" \
    > "$results/$name.log" 2>&1
  code=$?
  grep -E "^\s+(Passed|Failed|Skipped) |Total tests|Passed!|Failed!" "$results/$name.log" | grep -vE "^\s+Passed " || true
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    count() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    p=$(count passed); f=$(count failed); e=$(count error); t=$(count total); x=$(count executed)
    passed=$((passed + p)); failed=$((failed + f + e)); skipped=$((skipped + t - x))
  fi
  if [ $code -ne 0 ] && { [ ! -f "$trx" ] || [ "$f" = "0" ]; }; then
    # The run broke without a failing test to show for it (a crash, a missing fixture): count it as a failure.
    echo "test: $name exited with $code"; tail -n 40 "$results/$name.log"
    broken=$((broken + 1))
  fi
done

failed=$((failed + broken))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
