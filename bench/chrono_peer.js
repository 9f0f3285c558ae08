#!/usr/bin/env node
// The speed-benchmark peer: chrono-node's English parser over the same JSON Lines chronicle reads.
//
// Usage: node bench/chrono_peer.js FILE.jsonl
//
// Each line is {"id", "date", "text"}; every article's text goes through
// chrono.parse(text, refDate) with refDate = the article's date (local noon, so no time-zone
// shift moves it to the previous or next day). Prints one JSON line:
//   {"tool":"chrono-node","version":..,"bytes":..,"articles":..,"results":..,"seconds":..,
//    "wall_seconds":..}
// "bytes" counts the UTF-8 bytes of the text fields (what is parsed, not the JSON around it).
// "seconds" is the parsing alone: the sum of the wall time spent inside chrono.parse calls, and
// "cpu_seconds" the CPU time (user + system, all of node's threads) of those calls. Node
// start-up, file reading and JSON decoding are outside it ("wall_seconds" includes the reading
// and decoding but not node start-up). The file is read in chunks, so memory stays flat
// whatever its size.
'use strict';

const fs = require('fs');
const path = require('path');
const chrono = require('chrono-node');

function chronoVersion() {
  try {
    const pkg = require.resolve('chrono-node/package.json');
    return JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
  } catch (e) {
    // Newer packages may not export package.json: find it next to the resolved entry point.
    let dir = path.dirname(require.resolve('chrono-node'));
    while (dir !== path.dirname(dir)) {
      const candidate = path.join(dir, 'package.json');
      if (fs.existsSync(candidate)) {
        const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8'));
        if (pkg.name === 'chrono-node') return pkg.version;
      }
      dir = path.dirname(dir);
    }
    return 'unknown';
  }
}

// Yields the lines of a file, reading it 4 MiB at a time.
function* lines(file) {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(4 << 20);
  let carry = Buffer.alloc(0);
  try {
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      let chunk = carry.length ? Buffer.concat([carry, buffer.subarray(0, n)]) : buffer.subarray(0, n);
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        yield chunk.toString('utf8', start, nl);
        start = nl + 1;
      }
      carry = Buffer.from(chunk.subarray(start));
    }
    if (carry.length) yield carry.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

// "2015-12-15" (or a longer ISO timestamp) -> a Date at local noon of that day.
function referenceDate(date, fallback) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date || '');
  if (!m) return fallback;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, 0, 0);
}

function main() {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node chrono_peer.js FILE.jsonl\n');
    process.exit(64);
  }
  const fallback = new Date();
  let bytes = 0;
  let articles = 0;
  let results = 0;
  let parseNs = 0n;
  let parseCpuUs = 0;
  let lineNumber = 0;
  const wallStart = process.hrtime.bigint();
  for (const line of lines(file)) {
    lineNumber++;
    if (!line.trim()) continue;
    let record;
    try {
      record = JSON.parse(line);
    } catch (e) {
      process.stderr.write(`${file}:${lineNumber}: not JSON: ${e.message}\n`);
      process.exit(2);
    }
    const text = typeof record.text === 'string' ? record.text : '';
    const ref = referenceDate(record.date, fallback);
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const parsed = chrono.parse(text, ref);
    parseNs += process.hrtime.bigint() - t0;
    const c = process.cpuUsage(c0);
    parseCpuUs += c.user + c.system;
    results += parsed.length;
    bytes += Buffer.byteLength(text, 'utf8');
    articles++;
  }
  const wallNs = process.hrtime.bigint() - wallStart;
  process.stdout.write(JSON.stringify({
    tool: 'chrono-node',
    version: chronoVersion(),
    node: process.version,
    bytes,
    articles,
    results,
    seconds: Number(parseNs) / 1e9,
    cpu_seconds: parseCpuUs / 1e6,
    wall_seconds: Number(wallNs) / 1e9,
  }) + '\n');
}

main();
