#!/usr/bin/env bash
# The HTML timeline renders in headless Chromium (Debian's chromium), offline: the page Chromium
# lays out holds every event of the JSON timeline as an openable <details>, with the seed dates,
# and loads nothing from anywhere (no src=, <link>, @import, url() or script in the page; every
# host resolves nowhere while Chromium renders it).
# usage: html_in_chromium.sh CHRONICLE CHROMIUM CORPUS
set -euo pipefail
chronicle=$1 chromium=$2 corpus=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$chronicle" timeline --format html "$corpus" > "$work/timeline.html"
"$chronicle" timeline --format json "$corpus" > "$work/timeline.json"
"$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --user-data-dir="$work/profile" \
  --host-resolver-rules="MAP * ~NOTFOUND" --enable-logging=stderr --v=0 \
  --dump-dom "file://$work/timeline.html" > "$work/dom.html" 2> "$work/chromium.log" || {
  echo "chromium failed:"; tail -n 20 "$work/chromium.log"; exit 1; }

events=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["events"]))' "$work/timeline.json")
details=$(grep -o '<details' "$work/dom.html" | wc -l)
echo "events in JSON: $events; <details> in the rendered DOM: $details"
[ "$details" -ge "$events" ] || { echo "the rendered page lacks events"; exit 1; }
for needle in 2011-03 2015-12-15 2015-12-18 2016-01-01 "International Syria Support Group" "Sergei Lavrov"; do
  grep -q -- "$needle" "$work/dom.html" || { echo "the rendered page lacks \"$needle\""; exit 1; }
done
if grep -n -i -E '<script|<link|@import|url\(|<img|<iframe|src=' "$work/timeline.html" | head -n 3 | grep .; then
  echo "the page loads something from outside itself"; exit 1
fi
echo "html renders in chromium"
