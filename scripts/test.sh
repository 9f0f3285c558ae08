#!/usr/bin/env bash
# Builds Chronicle (warnings as errors) and runs every test with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh -DCHRONICLE_WERROR=ON -DCHRONICLE_BUILD_TESTS=ON
ctest --test-dir build --output-on-failure -j "$(nproc)"
