#!/usr/bin/env bash
# Installs what building, running and testing Zirkel needs, and only what is missing:
# Debian packages (WebKitGTK, Xvfb, WebKitWebDriver, PDF tools), the Rust components, the npm
# packages of ui/ and tests/e2e/, and tauri-driver. Safe to run again; prints what it does.
set -euo pipefail
SCRIPT_NAME=setup
# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

# --- Debian packages (see /work/shared/TOOLCHAIN.md) -----------------------------------------
APT_PACKAGES=(
  # Tauri 2 on Linux
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config
  # a display, WebDriver and screenshots for the end-to-end tests
  xvfb xauth webkit2gtk-driver imagemagick x11-utils xdotool dbus-x11 dbus-daemon at-spi2-core
  # checking the outputs: SQLite shell, PDF text and structure; the reference age tool decrypts an
  # encrypted backup independently of Zirkel's crate
  sqlite3 poppler-utils qpdf age
  # German spell-checking in the minutes (WebKitGTK's spell checker reads hunspell dictionaries)
  hunspell-de-de
)

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for package in "${APT_PACKAGES[@]}"; do
  installed "$package" || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  log "Debian packages: all ${#APT_PACKAGES[@]} installed"
else
  command -v apt-get >/dev/null 2>&1 || die "missing Debian packages (${missing[*]}) and no apt-get"
  log "Debian packages: installing ${missing[*]}"
  apt_log="$(mktemp)"
  if ! { as_root apt-get update -q &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } \
    >"$apt_log" 2>&1; then
    tail -n 40 "$apt_log" >&2
    die "apt-get failed (full log: $apt_log)"
  fi
  rm -f "$apt_log"
  log "Debian packages: done"
fi

# --- Rust --------------------------------------------------------------------------------------
command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup (rust-toolchain.toml pins the version)"
# common.sh falls back to an installed "stable" of the pinned version; otherwise ask rustup.
if [ -n "$PINNED_RUST" ] && [ -z "${RUSTUP_TOOLCHAIN:-}" ] && command -v rustup >/dev/null 2>&1 &&
  ! pinned_rust_installed; then
  log "Rust: installing toolchain $PINNED_RUST"
  rustup toolchain install "$PINNED_RUST" --profile minimal --component rustfmt,clippy
fi
# rustup installs the pinned toolchain on first use; the components may still be missing.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  command -v rustup >/dev/null 2>&1 || die "cargo fmt/clippy missing and no rustup to add them"
  log "Rust: adding rustfmt and clippy"
  rustup component add rustfmt clippy
fi
log "Rust: $(cargo --version)${RUSTUP_TOOLCHAIN:+ (toolchain $RUSTUP_TOOLCHAIN)}"

# --- Node packages -----------------------------------------------------------------------------
command -v node >/dev/null 2>&1 || die "node not found: Node.js 20.19 or newer is needed (vite 8)"
command -v npm >/dev/null 2>&1 || die "npm not found"
node -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) process.exit(1);
' || die "Node.js $(node --version) is too old: 20.19 or newer is needed (vite 8)"

# npm ci in DIR unless node_modules was installed from this very package-lock.json.
npm_install() {
  local dir="$1"
  shift
  if [ ! -f "$dir/package.json" ]; then
    log "npm: $dir has no package.json yet, skipped"
    return
  fi
  local stamp="$dir/node_modules/.zirkel-installed-from"
  if [ -f "$dir/package-lock.json" ]; then
    local lock_sum
    lock_sum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ]; then
      log "npm: $dir up to date"
      return
    fi
    # Installed by hand (npm install) after the lock file was last written: leave it alone, so a
    # developer's node_modules is not wiped under a running dev server.
    if [ -f "$dir/node_modules/.package-lock.json" ] &&
      ! [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
      log "npm: $dir installed after its lock file was written, kept"
      return
    fi
    log "npm: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error "$@")
    printf '%s\n' "$lock_sum" >"$stamp"
  else
    log "npm: $dir has no package-lock.json: npm install (commit the lock file it writes)"
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "$@")
  fi
}
npm_install ui
# --ignore-scripts: webdriverio's geckodriver/edgedriver would try to download drivers.
npm_install tests/e2e --ignore-scripts

# --- tauri-driver ------------------------------------------------------------------------------
if command -v tauri-driver >/dev/null 2>&1; then
  log "tauri-driver: $(command -v tauri-driver)"
else
  log "tauri-driver: cargo install tauri-driver (about 1-2 minutes)"
  # Outside the repo and without CARGO_TARGET_DIR: its build must not mix with the project's.
  (cd / && env -u CARGO_TARGET_DIR cargo install tauri-driver --version '^2' --locked --quiet)
  command -v tauri-driver >/dev/null 2>&1 || die "tauri-driver installed but not on PATH ($HOME/.cargo/bin?)"
fi
command -v WebKitWebDriver >/dev/null 2>&1 || die "WebKitWebDriver not found (Debian package webkit2gtk-driver)"

log "ready"
