#!/usr/bin/env bash
# Chronicle vs chrono-node speed benchmark. See bench/README.md.
# Usage: bench/run.sh [--mb N] [--quick] [--runs R]
#   CHRONICLE=path/to/chronicle   (default build/tools/chronicle/chronicle, relative to the repo root)
#   CHRONICLE_BENCH_CMD="tag --format json"   (the subcommand run on each workload file)
set -euo pipefail
bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$bench")
cd "$repo"

for arg in "$@"; do
  case $arg in -h|--help) exec python3 "$bench/bench.py" --help ;; esac
done

die() { echo "bench/run.sh: $*" >&2; exit 1; }

for tool in node npm python3; do
  command -v "$tool" >/dev/null || die "$tool is required but not on PATH"
done

chronicle=${CHRONICLE:-build/tools/chronicle/chronicle}
[[ $chronicle = /* ]] || chronicle=$repo/$chronicle
[[ -x $chronicle ]] || die "no chronicle binary at $chronicle — build it first (scripts/build.sh) or set CHRONICLE=/path/to/chronicle"
cmd=${CHRONICLE_BENCH_CMD:-tag --format json}
read -r -a cmd_words <<<"$cmd"
# (CLI11 answers "chronicle nosuch --help" with the top-level help and status 0, so look for the
# subcommand's own usage line.)
"$chronicle" "${cmd_words[0]}" --help 2>/dev/null | grep -q "Usage: .* ${cmd_words[0]} " ||
  die "$chronicle has no working '${cmd_words[0]}' subcommand (its --help shows no usage line); set CHRONICLE_BENCH_CMD to benchmark another one"

# chrono-node, at the version pinned in bench/package.json, into bench/node_modules.
want=$(node -p 'require(process.argv[1]).dependencies["chrono-node"]' "$bench/package.json")
have=$(node -p 'try { require(process.argv[1]).version } catch (e) { "" }' \
  "$bench/node_modules/chrono-node/package.json" 2>/dev/null || true)
if [[ $have != "$want" ]]; then
  echo "bench/run.sh: installing chrono-node $want into bench/node_modules ..." >&2
  if [[ -f $bench/package-lock.json ]]; then
    (cd "$bench" && npm ci --no-audit --no-fund --loglevel=error) >&2
  else
    (cd "$bench" && npm install --no-audit --no-fund --loglevel=error) >&2
  fi
fi

CHRONICLE=$chronicle CHRONICLE_BENCH_CMD=$cmd exec python3 "$bench/bench.py" "$@"
