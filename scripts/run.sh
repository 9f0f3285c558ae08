#!/usr/bin/env bash
# Builds Chronicle and prints the timeline of the seed corpus (extra arguments go to `timeline`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >&2
build/tools/chronicle/chronicle timeline corpus/kerry-moscow-2015 "$@"
