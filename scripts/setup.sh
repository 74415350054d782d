#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: checks the toolchain and installs what the project needs from npm, NuGet
# (dotnet tools) and Debian. Sourced, not run. Call `bollebygd_setup` or `bollebygd_setup --with-chromium`.

bollebygd_fail() {
  echo "setup: $*" >&2
  exit 1
}

bollebygd_setup() {
  local with_chromium=false
  [ "${1:-}" = "--with-chromium" ] && with_chromium=true

  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  command -v dotnet >/dev/null || bollebygd_fail "the .NET SDK (dotnet) is not on PATH; install .NET 10 SDK first."
  command -v node >/dev/null || bollebygd_fail "Node.js is not on PATH; install Node.js 20 or newer (Azurite runs on it)."
  command -v npm >/dev/null || bollebygd_fail "npm is not on PATH; it comes with Node.js."

  if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "setup: installing Azurite (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error || bollebygd_fail "npm ci failed."
  fi

  echo "setup: restoring dotnet tools (smtp4dev)"
  dotnet tool restore >/dev/null || bollebygd_fail "dotnet tool restore failed."

  if $with_chromium; then
    local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
    if [ ! -x "$chromium" ]; then
      if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
        echo "setup: installing Debian's chromium for the browser tests"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
          || bollebygd_fail "apt-get install chromium failed."
      else
        bollebygd_fail "the end-to-end tests need Chromium at $chromium. Install Debian's package as root: apt-get install chromium (or set CHROMIUM_PATH)."
      fi
    fi
  fi
}

# Prints a TCP port on loopback that nothing listens on right now.
bollebygd_free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

# Waits until something accepts connections on 127.0.0.1:$1, for at most $2 seconds.
bollebygd_wait_port() {
  local port=$1 seconds=$2 i
  for ((i = 0; i < seconds * 10; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# Stops the given processes: TERM first, KILL for whatever still runs after $1 seconds (Azurite sometimes waits
# forever for connections to drain).
bollebygd_stop() {
  local grace=$1 i pid alive
  shift
  [ $# -gt 0 ] || return 0
  kill "$@" 2>/dev/null
  for ((i = 0; i < grace * 10; i++)); do
    alive=false
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=true; done
    $alive || return 0
    sleep 0.1
  done
  kill -9 "$@" 2>/dev/null
  return 0
}
