#!/usr/bin/env python3
"""Chronicle vs chrono-node speed benchmark (called by bench/run.sh, which checks the tools first).

    python3 bench/bench.py [--mb N] [--quick] [--runs R] [--out DIR]

Environment:
  CHRONICLE                  the chronicle binary (default build/tools/chronicle/chronicle, relative
                             to the repository root)
  CHRONICLE_BENCH_CMD        the subcommand and options put before the input file
                             (default "tag --format json")
  CHRONICLE_BENCH_COUNT_KEY  the list field of each output line that is counted as "found"
                             (default "timexes"; when a line lacks it, its first list field is counted)
  BENCH_CPU                  the CPU both tools are pinned to with taskset (default: the first CPU
                             this process may run on); BENCH_PIN=0 to not pin
"""

import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import tempfile
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
MB = 1_000_000


def pin_prefix():
    if os.environ.get("BENCH_PIN", "1") == "0" or not shutil.which("taskset"):
        return [], None
    cpu = os.environ.get("BENCH_CPU")
    if cpu is None:
        cpu = str(min(os.sched_getaffinity(0)))
    return ["taskset", "-c", cpu], cpu


def measure(argv, capture=False):
    """Runs argv with stdout to /dev/null (or captured when capture is set); returns
    (wall seconds, cpu seconds, max RSS in KiB, exit code, stdout text, stderr text)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out if capture else subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode,
                out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def fail(message):
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(1)


def run_chronicle(chronicle, cmd, path, runs, pin, count_key):
    argv = pin + [chronicle] + cmd + [path]
    best = None
    for _ in range(runs):
        wall, cpu, rss, code, _, err = measure(argv)
        if code == 2 and best is None:
            # Some documents were rejected (the rest were processed): say so, keep measuring.
            print(f"bench: warning: {' '.join(argv)} exited with 2:\n{err[:2000]}", file=sys.stderr)
        elif code not in (0, 2):
            fail(f"{' '.join(argv)} exited with {code}:\n{err[-2000:]}")
        if best is None or wall < best["seconds"]:
            best = {"seconds": wall, "cpu_seconds": cpu, "max_rss_kib": rss}
    # A separate, untimed run counts what was found.
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    found = 0
    documents = 0
    counted = set()
    for line in proc.stdout:
        line = line.strip()
        if not line:
            continue
        record = json.loads(line)
        documents += 1
        if count_key in record and isinstance(record[count_key], list):
            found += len(record[count_key])
            counted.add(count_key)
        else:
            for key, value in record.items():
                if isinstance(value, list):
                    found += len(value)
                    counted.add(key)
                    break
    if proc.wait() not in (0, 2):
        fail(f"{' '.join(argv)} exited with {proc.returncode} on the counting run")
    best.update({"found": found, "found_field": ",".join(sorted(counted)) or count_key,
                 "documents_out": documents, "runs": runs})
    return best


def run_peer(path, runs, pin):
    argv = pin + ["node", str(BENCH / "chrono_peer.js"), path]
    best = None
    for _ in range(runs):
        wall, cpu, rss, code, out, err = measure(argv, capture=True)
        if code != 0:
            fail(f"{' '.join(argv)} exited with {code}:\n{err[-2000:]}")
        report = json.loads(out.strip().splitlines()[-1])
        # The peer's own "seconds" and "cpu_seconds" cover the chrono.parse calls only; the whole
        # node process (start-up, module loading, reading, JSON decoding) is kept beside them.
        report.update({"process_seconds": wall, "process_cpu_seconds": cpu, "max_rss_kib": rss})
        if best is None or report["seconds"] < best["seconds"]:
            best = report
    best["runs"] = runs
    return best


def fmt(x, digits=2):
    return "-" if x is None else f"{x:,.{digits}f}"


def machine_info(pin_cpu):
    cpu_model = ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True).stdout.strip()
    except OSError:
        rev = ""
    return {"cpu": cpu_model, "cpus": os.cpu_count(), "pinned_cpu": pin_cpu,
            "load_average": os.getloadavg(), "kernel": platform.release(), "git": rev,
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds")}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=100, help="size of the repeated-corpus workload in MB (default 100)")
    ap.add_argument("--quick", action="store_true", help="~5 MB of each workload, a smoke test")
    ap.add_argument("--runs", type=int, default=1, help="timed runs per tool and workload; the fastest is kept")
    ap.add_argument("--out", default=str(BENCH / "out"))
    args = ap.parse_args()

    chronicle = os.environ.get("CHRONICLE", "build/tools/chronicle/chronicle")
    if not os.path.isabs(chronicle):
        chronicle = str(REPO / chronicle)
    if not os.access(chronicle, os.X_OK):
        fail(f"chronicle binary not found at {chronicle}: build it (scripts/build.sh) or set CHRONICLE=PATH")
    cmd = shlex.split(os.environ.get("CHRONICLE_BENCH_CMD", "tag --format json"))
    count_key = os.environ.get("CHRONICLE_BENCH_COUNT_KEY", "timexes")
    pin, pin_cpu = pin_prefix()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    prep = [sys.executable, str(BENCH / "prep.py"), "--out", str(out)]
    if args.quick:
        prep += ["--mb", "5", "--te3-mb", "5"]
    else:
        prep += ["--mb", f"{args.mb:g}"]
        if args.mb / 4 >= 1:
            prep += ["--also-mb", f"{args.mb / 4:g}"]
    print("bench: preparing workloads ...", file=sys.stderr)
    manifest = json.loads(subprocess.run(prep, check=True, capture_output=True, text=True).stdout)

    rows = []
    for w in manifest["workloads"]:
        mb = w["bytes"] / MB
        print(f"bench: {w['name']} ({mb:.1f} MB, {w['articles']} articles): chronicle ...", file=sys.stderr)
        c = run_chronicle(chronicle, cmd, w["file"], args.runs, pin, count_key)
        print(f"bench: {w['name']}: chrono-node ...", file=sys.stderr)
        p = run_peer(w["file"], args.runs, pin)
        if p["bytes"] != w["bytes"] or p["articles"] != w["articles"]:
            fail(f"peer saw {p['bytes']} bytes / {p['articles']} articles, expected {w['bytes']} / {w['articles']}")
        if c["documents_out"] != w["articles"]:
            print(f"bench: warning: chronicle printed {c['documents_out']} documents for {w['articles']} articles",
                  file=sys.stderr)
        for tool, r, found in (("chronicle", c, c["found"]), ("chrono-node", p, p["results"])):
            rows.append({
                "workload": w["name"], "file": w["file"], "bytes": w["bytes"], "mb": mb,
                "articles": w["articles"], "tool": tool, "seconds": r["seconds"],
                "mb_per_s": mb / r["seconds"], "articles_per_s": w["articles"] / r["seconds"],
                "cpu_seconds": r["cpu_seconds"], "mb_per_cpu_s": mb / r["cpu_seconds"],
                "found": found, "max_rss_mib": r["max_rss_kib"] / 1024,
                "detail": r,
            })

    ratios = {}
    cpu_ratios = {}
    for w in manifest["workloads"]:
        by_tool = {r["tool"]: r for r in rows if r["workload"] == w["name"]}
        ratios[w["name"]] = by_tool["chronicle"]["mb_per_s"] / by_tool["chrono-node"]["mb_per_s"]
        cpu_ratios[w["name"]] = by_tool["chronicle"]["mb_per_cpu_s"] / by_tool["chrono-node"]["mb_per_cpu_s"]

    header = ["workload", "MB", "articles", "tool", "seconds", "MB/s", "articles/s", "CPU s", "MB/CPU s",
              "found", "max RSS MiB"]
    table = [[r["workload"], fmt(r["mb"], 1), f"{r['articles']:,}", r["tool"], fmt(r["seconds"], 3),
              fmt(r["mb_per_s"]), fmt(r["articles_per_s"], 0), fmt(r["cpu_seconds"], 3), fmt(r["mb_per_cpu_s"]),
              f"{r['found']:,}", fmt(r["max_rss_mib"], 1)]
             for r in rows]
    widths = [max(len(h), *(len(t[i]) for t in table)) for i, h in enumerate(header)]
    right = {1, 2, 4, 5, 6, 7, 8, 9, 10}

    def line(cells):
        return "  ".join(c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells))

    print()
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for t in table:
        print(line(t))
    print()
    process_ratios = {}
    for w in manifest["workloads"]:
        by_tool = {r["tool"]: r for r in rows if r["workload"] == w["name"]}
        process_ratios[w["name"]] = (by_tool["chrono-node"]["detail"]["process_cpu_seconds"] /
                                     by_tool["chronicle"]["cpu_seconds"])
    for name, ratio in ratios.items():
        print(f"{name}: chronicle/chrono-node MB/s = {ratio:.2f}x (wall), {cpu_ratios[name]:.2f}x (CPU); "
              f"whole processes by CPU {process_ratios[name]:.2f}x")
    kerry = [r for r in rows if r["tool"] == "chronicle" and r["workload"].startswith("kerry-")]
    if len(kerry) > 1:
        kerry.sort(key=lambda r: r["bytes"])
        print("chronicle max RSS as the corpus grows: " +
              ", ".join(f"{r['mb']:.0f} MB -> {r['max_rss_mib']:.1f} MiB" for r in kerry))
    info = machine_info(pin_cpu)
    print(f"\nchronicle: {chronicle} {' '.join(cmd)} FILE; chrono-node {rows[1]['detail']['version']} on node "
          f"{rows[1]['detail']['node']}; pinned to CPU {pin_cpu}; {info['cpu']}")
    fields = sorted({r["detail"]["found_field"] for r in rows if r["tool"] == "chronicle"})
    print(f"found: chronicle = entries of the output's \"{'/'.join(fields)}\" lists; chrono-node = chrono.parse results.")
    print("seconds: chronicle = the whole process (start-up, reading, decoding, analysis, JSON output to "
          "/dev/null); chrono-node = the chrono.parse calls only. CPU s = user + system time of the same.\n"
          "whole processes: CPU time of the chronicle process against that of the node process (start-up, "
          "loading chrono, reading and decoding the file, parsing), for context; the ratios above are the measure.")
    if info["load_average"][0] > 0.5 * (info["cpus"] or 1):
        print(f"warning: load average {info['load_average'][0]:.1f} on {info['cpus']} CPUs: wall times include "
              "waiting for the CPU; the CPU-time columns are the steadier comparison.")

    results = {
        "machine": info,
        "chronicle": {"binary": chronicle, "command": cmd, "count_field": count_key},
        "mode": "quick" if args.quick else "full",
        "runs": args.runs,
        "rows": rows,
        "ratio_chronicle_over_chrono_mb_per_s": ratios,
        "ratio_chronicle_over_chrono_mb_per_cpu_s": cpu_ratios,
        "ratio_whole_processes_by_cpu": process_ratios,
    }
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"results: {out / 'results.json'}")


if __name__ == "__main__":
    main()
