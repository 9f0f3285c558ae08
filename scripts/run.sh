#!/usr/bin/env bash
# Builds Chronicle and runs its main job on the seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >&2
build/tools/chronicle/chronicle inspect corpus/kerry-moscow-2015 "$@"
