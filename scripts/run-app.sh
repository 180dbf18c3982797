#!/usr/bin/env bash
# Builds the UI and starts the Zirkel app in a debug build with the UI embedded. On an empty store
# the app offers the demo data by itself. Arguments are passed to the app.
#
# The store is the real one ($XDG_DATA_HOME/de.zirkel.desktop/zirkel.sqlite3); for a throw-away
# one: ZIRKEL_DB=/tmp/zirkel-try.sqlite3 ./scripts/run-app.sh
set -euo pipefail
SCRIPT_NAME=run-app
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

./scripts/setup.sh

log "building the UI (ui/dist)"
(cd ui && npm run build)

[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] ||
  log "no DISPLAY set: the window needs an X server (e.g. Xvfb :99 & export DISPLAY=:99)"

log "building and starting the app"
# custom-protocol embeds ui/dist in the binary; without it the app would wait for a dev server.
exec cargo run -p zirkel-app --features tauri/custom-protocol -- "$@"
