#!/usr/bin/env bash
# Installs the Debian packages corpus needs to build, test and run its demo.
# Fast when everything is present: it asks dpkg first and calls apt-get only
# for what is missing. Uses sudo when not run as root.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config make python3 zstd ccache
  libcurl4-openssl-dev libgumbo-dev libre2-dev libzstd-dev libcli11-dev
  libspdlog-dev libfmt-dev libgtest-dev libgmock-dev libsimdjson-dev
  libxxhash-dev zlib1g-dev libuchardet-dev libcld2-dev libutf8proc-dev
  libcpp-httplib-dev libbrotli-dev libssl-dev
  libicu-dev libpcre2-dev libsentencepiece-dev sentencepiece
  libisal-dev
)
# Node and npm for the WARC tests' independent reader (install-test-tools.sh);
# a node from elsewhere (nodesource, nvm) brings its own npm.
if ! command -v npm > /dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi
if [[ "${CORPUS_WITH_BENCH_TOOLS:-0}" == 1 ]]; then
  PACKAGES+=(wget2 clang nginx-light)
  # tools/eval_languages.py: translated manual pages, rendered with man and col.
  PACKAGES+=(man-db bsdextrautils manpages-de manpages-fr manpages-es manpages-it manpages-pl manpages-ru
             manpages-zh manpages-ja)
  # Training the extractor's block model (tools/train_block_model.py).
  PACKAGES+=(python3-numpy python3-sklearn)
fi
# What only the tests need (`make test` sets this): a browser that loads
# `corpus report` pages (tests/report/browser_test.cc).
if [[ "${CORPUS_WITH_TEST_TOOLS:-0}" == 1 ]]; then
  PACKAGES+=(chromium)
fi
# A single-node Slurm for scripts/slurm/local-cluster.sh (CI); not needed to build or run corpus.
if [[ "${CORPUS_WITH_SLURM:-0}" == 1 ]]; then
  PACKAGES+=(slurm-wlm munge)
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
