#!/usr/bin/env bash
# Zirkel's whole check, the one CI runs (.ci/run): format, lints, Rust tests, UI checks and tests,
# the UI and app builds, and the end-to-end test of the built app under Xvfb. Stops at the first
# failure. Installs what is missing first (scripts/setup.sh). The installer check
# (scripts/check-deb.sh: release build, .deb installed, started and removed) runs apart: a second,
# release build of every crate would take CI on a new machine past its time.
#
# CARGO_TARGET_DIR is honoured (CI sets /var/tmp/zirkel-target so builds outlive the clone).
set -euo pipefail
SCRIPT_NAME=test
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

trap stop_xvfb EXIT

section "setup"
./scripts/setup.sh

# --locked keeps CI on the committed Cargo.lock; without one there is nothing to hold to.
LOCKED=()
[ -f Cargo.lock ] && LOCKED=(--locked)

# The app's build embeds the built UI (ui/dist), so the UI is checked and built first.
APP_FEATURES=(--features zirkel-app/custom-protocol)

section "cargo fmt --check"
cargo fmt --all -- --check

section "cargo clippy"
cargo clippy --workspace --all-targets "${LOCKED[@]}" -- -D warnings

section "UI: svelte-check"
(cd ui && npm run check)

section "UI: lint"
(cd ui && npm run --if-present lint)

section "UI: unit tests (vitest)"
# CI=true: vitest runs once instead of watching, also when started from a terminal.
(cd ui && CI=true npm test </dev/null)

section "UI: build"
(cd ui && npm run build)

section "Rust tests"
# One build for the tests and the app: with the UI embedded (custom-protocol) the tests' build
# makes the very binary the end-to-end tests drive, so tauri and its plugins are not compiled a
# second time with other features (minutes on a new machine). Examples are only type-checked
# (clippy above); they are built by the benchmarks.
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --tests "${APP_FEATURES[@]}" "${LOCKED[@]}"
else
  log "cargo-nextest not installed: running cargo test"
  cargo test --workspace --tests "${APP_FEATURES[@]}" "${LOCKED[@]}"
fi
section "Rust doc tests"
cargo test --workspace --doc "${APP_FEATURES[@]}" "${LOCKED[@]}"

section "app binary (embedded UI)"
# Nothing to compile: this names the binary the tests' build made (and builds it if a runner
# skipped it). It carries tauri's `test` feature from the IPC tests' dev-dependency, an unused
# module; the app is otherwise the one `cargo build --features custom-protocol` makes.
cargo test --workspace --tests --no-run "${APP_FEATURES[@]}" "${LOCKED[@]}"
APP="$(target_dir)/debug/zirkel-app"
[ -x "$APP" ] || die "the build did not produce $APP"

if [ -z "${DISPLAY:-}" ]; then
  start_xvfb
else
  log "using the display $DISPLAY"
fi

section "end-to-end tests (tauri-driver + WebKitWebDriver)"
mkdir -p tests/e2e/artifacts
tap_file="tests/e2e/artifacts/e2e.tap"
e2e_status=0
# Under a D-Bus session bus of its own: the single-instance plugin meets a second start there.
ZIRKEL_APP="$APP" dbus-run-session -- node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap_file" \
  tests/e2e/ || e2e_status=$?
passed="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap_file" | tail -n 1)"
failed="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap_file" | tail -n 1)"
if [ "$e2e_status" -ne 0 ]; then
  log "end-to-end tests failed (screenshots and the tauri-driver log are in tests/e2e/artifacts/)"
fi

section "done"
log "all checks took $((SECONDS - SECTION_START)) s"
echo "e2e: ${passed:-0} passed, ${failed:-0} failed"
exit "$e2e_status"
