#!/usr/bin/env bash
# Installs everything Chronicle needs to build and test on Debian 12, from Debian's packages.
# Idempotent: packages already present are left alone; run it as often as you like.
# usage: scripts/install-deps.sh [--browser]
set -euo pipefail

packages=(
  cmake g++ make ninja-build pkg-config
  libhowardhinnant-date-dev libboost-graph-dev libfmt-dev catch2 libicu-dev
  libcli11-dev nlohmann-json3-dev libsqlite3-dev libexpected-dev zlib1g-dev libzstd-dev
  wordnet-base wordnet-dev iso-codes libtimezonemap-data graphviz
  clang libclang-rt-14-dev python3
)

# --browser: also Debian's chromium, which the tests use to render the HTML timeline headless.
for arg in "$@"; do
  case $arg in
    --browser) packages+=(chromium) ;;
    *) echo "usage: install-deps.sh [--browser]" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
