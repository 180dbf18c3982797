# Shared by the scripts in this folder (sourced, not run): the repo root, PATH, logging, root.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

# `cargo install` puts tauri-driver here; a non-login shell (CI) may not have it on PATH.
if [ -d "$HOME/.cargo/bin" ] && [[ ":$PATH:" != *":$HOME/.cargo/bin:"* ]]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi

# rust-toolchain.toml pins a version (e.g. 1.95.0). A machine whose one toolchain is installed as
# "stable" does not know that name, and rustup may not download it (offline, or
# RUSTUP_AUTO_INSTALL=0): when "stable" is that very version, use it by name.
PINNED_RUST="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$REPO_ROOT/rust-toolchain.toml" 2>/dev/null || true)"
pinned_rust_installed() {
  local toolchains
  toolchains="$(rustup toolchain list 2>/dev/null || true)"
  grep -q "^${PINNED_RUST//./\\.}-" <<<"$toolchains"
}
if [ -n "$PINNED_RUST" ] && [ -z "${RUSTUP_TOOLCHAIN:-}" ] && command -v rustup >/dev/null 2>&1 &&
  ! pinned_rust_installed &&
  [ "$(rustup run stable rustc --version 2>/dev/null | cut -d' ' -f2)" = "$PINNED_RUST" ]; then
  export RUSTUP_TOOLCHAIN=stable
fi

# Where cargo builds; the e2e test looks for the app there too.
target_dir() {
  local dir="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
  case "$dir" in
    /*) printf '%s\n' "$dir" ;;
    *) printf '%s\n' "$REPO_ROOT/$dir" ;;
  esac
}

log() { printf '[%s] %s\n' "${SCRIPT_NAME:-zirkel}" "$*"; }

die() {
  printf '[%s] error: %s\n' "${SCRIPT_NAME:-zirkel}" "$*" >&2
  exit 1
}

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "not root and no sudo: cannot run '$*'"
  fi
}

# A numbered section header with the time since the script started.
SECTION_START=$SECONDS
section() {
  printf '\n==== %s  (+%ds) ====\n' "$*" "$((SECONDS - SECTION_START))"
}

# Starts Xvfb on a free display (it picks one and reports it through -displayfd once it is ready)
# and exports DISPLAY; stop_xvfb ends it (callers trap it on EXIT).
XVFB_PID=""
start_xvfb() {
  local display_file
  display_file="$(mktemp)"
  Xvfb -displayfd 9 -screen 0 1280x800x24 -nolisten tcp 9>"$display_file" >/dev/null 2>&1 &
  XVFB_PID=$!
  local waited=0
  while [ ! -s "$display_file" ]; do
    kill -0 "$XVFB_PID" 2>/dev/null || die "Xvfb exited at start"
    [ "$waited" -lt 100 ] || die "Xvfb did not report a display in 10 s"
    sleep 0.1
    waited=$((waited + 1))
  done
  export DISPLAY=":$(tr -dc '0-9' <"$display_file")"
  rm -f "$display_file"
  log "Xvfb (pid $XVFB_PID) on display $DISPLAY"
}
stop_xvfb() {
  if [ -n "$XVFB_PID" ]; then
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
    XVFB_PID=""
  fi
}

# The release build of the app through the Tauri CLI, as a release is made: the UI is built
# (beforeBuildCommand), embedded, and bundled as a .deb. Extra arguments go to cargo.
tauri_build_deb() {
  local locked=()
  [ -f "$REPO_ROOT/Cargo.lock" ] && locked=(--locked)
  (cd "$REPO_ROOT" && ui/node_modules/.bin/tauri build --bundles deb --ci -- "${locked[@]}" "$@")
}

# The app's release binary and the .deb of the current version, where tauri_build_deb puts them.
release_app() { printf '%s\n' "$(target_dir)/release/zirkel-app"; }
deb_file() {
  local version
  version="$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$REPO_ROOT/src-tauri/tauri.conf.json")"
  printf '%s\n' "$(target_dir)/release/bundle/deb/Zirkel_${version}_amd64.deb"
}
