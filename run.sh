#!/usr/bin/env bash
# Runs the whole system on this machine: Azurite (storage), smtp4dev (SMTP 2525, IMAP 1143, web inbox on 5000) and
# the Function App in Bollebygd.LocalHost on http://localhost:7071, which also serves web/. Ctrl-C stops everything.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
bollebygd_setup

state=.run/local
mkdir -p "$state"
settings=functions/Bollebygd.Functions/local.settings.json
if [ ! -f "$settings" ]; then
  cp local.settings.sample.json "$settings"
  echo "run: created $settings from local.settings.sample.json"
else
  node scripts/merge-settings.mjs local.settings.sample.json "$settings" || exit 1
fi

echo "run: building"
dotnet build functions/Bollebygd.LocalHost -c Debug -nologo -clp:ErrorsOnly -v:q || exit 1
dotnet build functions/Bollebygd.Simulators -c Debug -nologo -clp:ErrorsOnly -v:q || exit 1
node web/build/generate.mjs || exit 1

pids=()
stop() {
  trap - EXIT INT TERM
  echo
  echo "run: stopping"
  bollebygd_stop 15 "${pids[@]}"
  exit 0
}
trap stop EXIT INT TERM

for port in 10000 10001 10002 2525 1143 5000 7071 7072; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "run: port $port is already in use; stop what uses it (an earlier ./run.sh?) and try again." >&2
    exit 1
  fi
done

node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --location "$state/azurite" \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 > "$state/azurite.log" 2>&1 &
pids+=($!)
# smtp4dev serves the function mailboxes of the settings file over IMAP (one user each); other mail, such as the
# receipts the system sends to citizens, lands in its Default mailbox, the inbox on http://localhost:5000.
smtp4dev_env=(); smtp4dev_args=()
while IFS= read -r line; do
  case "$line" in --*) smtp4dev_args+=("$line") ;; *) smtp4dev_env+=("$line") ;; esac
done < <(node scripts/smtp4dev-mailboxes.mjs "$settings")
env "${smtp4dev_env[@]}" dotnet smtp4dev --smtpport=2525 --imapport=1143 --pop3port= --urls=http://localhost:5000 \
  --db="$(pwd)/$state/smtp4dev.db" "${smtp4dev_args[@]}" > "$state/smtp4dev.log" 2>&1 &
pids+=($!)
for port in 10000 10001 10002; do
  bollebygd_wait_port "$port" 30 || { echo "run: Azurite did not start, see $state/azurite.log" >&2; exit 1; }
done
for port in 2525 1143 5000; do
  bollebygd_wait_port "$port" 60 || { echo "run: smtp4dev did not start, see $state/smtp4dev.log" >&2; exit 1; }
done

# Platina and EDP Future stand-ins (the settings point Platina:BaseUrl and Edp:BaseUrl here).
(cd functions/Bollebygd.Simulators/bin/Debug/net10.0 && ASPNETCORE_URLS=http://localhost:7072 exec dotnet Bollebygd.Simulators.dll) \
  > "$state/simulators.log" 2>&1 &
pids+=($!)
bollebygd_wait_port 7072 30 || { echo "run: the simulators did not start, see $state/simulators.log" >&2; exit 1; }

root=$(pwd)
(cd functions/Bollebygd.LocalHost/bin/Debug/net10.0 && exec dotnet Bollebygd.LocalHost.dll --LocalHost:SettingsFile "$root/$settings") &
pids+=($!)
bollebygd_wait_port 7071 90 || { echo "run: LocalHost did not start" >&2; exit 1; }

cat <<MSG

  Bollebygd Kontaktcenter runs locally:
    Portal (web/)        http://localhost:7071/
    Health               http://localhost:7071/api/health
    Mail inbox (smtp4dev) http://localhost:5000   SMTP localhost:2525, IMAP localhost:1143
    Function mailboxes   kommunen@, va@, bygg@bollebygd.se: send mail to one (SMTP localhost:2525) and it
                         becomes a case within seconds; its receipt shows in the mail inbox
    Storage (Azurite)    blob 10000, queue 10001, table 10002 (data in $state/azurite)
    Simulators           Platina http://localhost:7072/platina, EDP Future http://localhost:7072/edp
                         (contracts in docs/simulators/; their state is in memory)

  Press Ctrl-C to stop everything.

MSG
# When any of them stops on its own, stop the rest too.
wait -n
echo "run: a process stopped on its own; see the output above and $state/*.log" >&2
