#!/usr/bin/env python3
"""Prepares the speed-benchmark workloads as JSON Lines ({"id", "date", "text"} one article a line).

    python3 bench/prep.py [--out bench/out] [--mb 100] [--te3-mb 0] [--also-mb 25]

  te3-silver.jsonl      the TEXT element of every .tml under ../shared/data/timeml/te3-silver/
                        (tags stripped, XML entities decoded), date = the CREATION_TIME TIMEX3 value;
                        with --te3-mb M > 0 only the first articles (sorted by path) up to ~M MB.
  kerry-<N>mb.jsonl     the bodies of corpus/kerry-moscow-2015/*.txt (after the --- front matter)
                        repeated until the text reaches N MB (10^6 bytes), date 2015-12-15; one
                        file for --mb and one for each --also-mb.

Prints a JSON manifest (also written to <out>/workloads.json): per workload its file, the UTF-8
bytes of the text fields, and the article count. Both tools get exactly these files.
"""

import argparse
import html
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TE3_DIR = REPO.parent / "shared" / "data" / "timeml" / "te3-silver"
KERRY_DIR = REPO / "corpus" / "kerry-moscow-2015"
KERRY_DATE = "2015-12-15"
MB = 1_000_000

TEXT_RE = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT>", re.S)
TAG_RE = re.compile(r"<[^>]*>")
TIMEX_RE = re.compile(r"<TIMEX3\b[^>]*>")
ATTR_RE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
DOCID_RE = re.compile(r"<DOCID>\s*(.*?)\s*</DOCID>", re.S)


def te3_article(path):
    """(id, date, text) of one TimeML file, or None when it has no TEXT element."""
    xml = path.read_text(encoding="utf-8")
    m = TEXT_RE.search(xml)
    if not m:
        return None
    text = html.unescape(TAG_RE.sub("", m.group(1)))
    date = ""
    for tag in TIMEX_RE.findall(xml):
        attrs = dict(ATTR_RE.findall(tag))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            date = attrs.get("value", "")[:10]
            break
    docid = DOCID_RE.search(xml)
    return (docid.group(1) if docid else path.stem), date, text


def write_jsonl(path, records):
    """Writes records as JSON Lines; returns (text bytes, articles)."""
    nbytes = 0
    count = 0
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        for doc_id, date, text in records:
            out.write(json.dumps({"id": doc_id, "date": date, "text": text}, ensure_ascii=False))
            out.write("\n")
            nbytes += len(text.encode("utf-8"))
            count += 1
    os.replace(tmp, path)
    return nbytes, count


def te3_records(limit_bytes):
    files = sorted(TE3_DIR.rglob("*.tml"))
    if not files:
        sys.exit(f"prep.py: no .tml files under {TE3_DIR}")
    total = 0
    for f in files:
        article = te3_article(f)
        if article is None:
            print(f"prep.py: {f}: no TEXT element, skipped", file=sys.stderr)
            continue
        yield article
        total += len(article[2].encode("utf-8"))
        if limit_bytes and total >= limit_bytes:
            return


def kerry_bodies():
    bodies = []
    for f in sorted(KERRY_DIR.glob("*.txt")):
        lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
        if lines and lines[0].strip() == "---":
            try:
                end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
                lines = lines[end + 1:]
            except StopIteration:
                pass
        bodies.append((f.stem, "".join(lines)))
    if not bodies:
        sys.exit(f"prep.py: no .txt files under {KERRY_DIR}")
    return bodies


def kerry_records(target_bytes):
    bodies = kerry_bodies()
    total = 0
    rep = 0
    while total < target_bytes:
        for stem, body in bodies:
            yield f"{stem}-r{rep}", KERRY_DATE, body
            total += len(body.encode("utf-8"))
            if total >= target_bytes:
                return
        rep += 1


def size_label(mb):
    return f"{mb:g}mb".replace(".", "_")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(REPO / "bench" / "out"))
    ap.add_argument("--mb", type=float, default=100, help="size of the repeated-corpus workload (MB)")
    ap.add_argument("--also-mb", type=float, action="append", default=[],
                    help="extra sizes of the repeated corpus (for the memory-growth check)")
    ap.add_argument("--te3-mb", type=float, default=0, help="cap te3-silver at ~this many MB (0: all)")
    args = ap.parse_args()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    workloads = []

    path = out / "te3-silver.jsonl"
    nbytes, count = write_jsonl(path, te3_records(int(args.te3_mb * MB)))
    workloads.append({"name": "te3-silver", "file": str(path), "bytes": nbytes, "articles": count})

    sizes = sorted(set(args.also_mb + [args.mb]))
    for mb in sizes:
        name = f"kerry-{size_label(mb)}"
        path = out / f"{name}.jsonl"
        nbytes, count = write_jsonl(path, kerry_records(int(mb * MB)))
        workloads.append({"name": name, "file": str(path), "bytes": nbytes, "articles": count})

    # Repeated-corpus files of other sizes (from earlier runs) are 100 MB of disk for nothing.
    keep = {Path(w["file"]).name for w in workloads}
    for stale in out.glob("kerry-*.jsonl"):
        if stale.name not in keep:
            stale.unlink()

    manifest = {"workloads": workloads}
    (out / "workloads.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(manifest))


if __name__ == "__main__":
    main()
