#!/usr/bin/env bash
# Test-only tools from npm, installed into DIR (default build/test-tools):
#   warcio (webrecorder) - the independent WARC reader that checks the
#   crawl's --warc output in tests/e2e/crawl_warc_e2e_test.cc.
# Tests that need a tool skip when it is absent, so without node/npm or
# without the registry this only says so and succeeds.
set -uo pipefail

DIR="${1:-build/test-tools}"
WARCIO_VERSION=2.4.11

if [[ -f "$DIR/node_modules/warcio/package.json" ]] &&
   grep -q "\"version\": \"$WARCIO_VERSION\"" "$DIR/node_modules/warcio/package.json"; then
  exit 0
fi
if ! command -v npm > /dev/null 2>&1 || ! command -v node > /dev/null 2>&1; then
  echo "install-test-tools: node/npm not found; the warcio checks of the WARC tests will be skipped" >&2
  exit 0
fi
mkdir -p "$DIR"
if ! npm install --no-audit --no-fund --no-save --silent --prefix "$DIR" "warcio@$WARCIO_VERSION" > /dev/null 2>&1; then
  echo "install-test-tools: npm install warcio@$WARCIO_VERSION failed; its checks will be skipped" >&2
fi
exit 0
