#!/usr/bin/env bash
# Installs what the editor suites need, idempotently (RECIPES §1–§2):
#   - code-server 4.100.3 (VS Code 1.100.3's server build) into .cache/code-server,
#     outside node_modules so `npm ci` does not wipe it; CI caches that folder;
#   - checks that Debian's chromium and neovim are present (apt-get installs them when root).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
VERSION=4.100.3
DEST="$ROOT/.cache/code-server"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v nvim >/dev/null 2>&1 || need+=(neovim)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
command -v g++ >/dev/null 2>&1 || need+=(build-essential)
[ -e /usr/include/gssapi/gssapi.h ] || [ -e /usr/include/krb5.h ] || need+=(libkrb5-dev)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "test/editors/setup.sh: missing system packages: ${need[*]} (apt-get install them as root)" >&2
    exit 1
  fi
fi

installed_version() {
  node -e 'try{process.stdout.write(require(process.argv[1]).version)}catch{}' "$DEST/node_modules/code-server/package.json" 2>/dev/null
}

if [ "$(installed_version)" = "$VERSION" ] && [ -x "$DEST/node_modules/.bin/code-server" ]; then
  echo "code-server $VERSION already installed in $DEST"
  exit 0
fi

export TMPDIR="${TMPDIR:-/tmp}"
mkdir -p "$TMPDIR"
# @vscode/ripgrep's postinstall downloads rg from GitHub: pre-seed its cache with Debian's rg.
RGC="$TMPDIR/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RGC" "$TMPDIR/rg"
cp "$(command -v rg)" "$TMPDIR/rg/rg"
tar czf "$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$TMPDIR/rg" rg

mkdir -p "$DEST"
[ -f "$DEST/package.json" ] || echo '{"name":"vsafe-code-server","private":true}' > "$DEST/package.json"
# nodedir: node-gyp uses the local Node headers; unsafe_perm: postinstall as root; yes: npx node-gyp.
( cd "$DEST" && npm_config_nodedir=/usr npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --no-save "code-server@$VERSION" )
echo "code-server $(installed_version) installed in $DEST"
