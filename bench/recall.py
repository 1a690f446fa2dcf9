#!/usr/bin/env python3
"""Compare a palisade JSON report with a generator manifest.

    python3 bench/recall.py corpus  MANIFEST.json REPORT.json [--json OUT]
    python3 bench/recall.py history MANIFEST.json REPORT.json [--json OUT]

corpus:  a planted secret counts as found when a finding (any rule) is at its path and line
         and overlaps its columns; a finding in the same file within 2 lines that does not
         is listed separately as "near".
history: a planted secret counts as found when a finding is at its path and line *and*
         names the commit that introduced it; a copy of an earlier secret counts when the
         finding for the first introduction lists the copy's path as a related location.
Findings that match no planted secret are listed by rule: these fired on near-misses
(placeholders, documentation values, wrong checksums, public keys, env lookups).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys


def load(path: str):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100.0 * a / b:.1f}%)" if b else "0/0"


def overlaps(f: dict, s: dict) -> bool:
    """Does finding f cover the planted secret's first line span (by column, when known)?"""
    if "column" not in s:
        return True
    loc = f["location"]
    start = loc["start_column"]
    end = loc["end_column"] if loc["end_line"] == loc["start_line"] else 1 << 30
    return start < s["column"] + s.get("length", 1) and end > s["column"]


def relative_to_target(report: dict) -> list:
    """Findings with paths relative to the scanned folder. Reports name paths from the
    project root (the repository holding the corpus, for a corpus under bench/work), and
    the manifest names them from the corpus tree."""
    paths = report.get("target", {}).get("paths", ["."])
    prefix = "" if paths[0] == "." else paths[0].rstrip("/") + "/"
    findings = []
    for f in report.get("findings", []):
        f = json.loads(json.dumps(f))
        for loc in [f["location"], *f.get("related_locations", [])]:
            if loc.get("path", "").startswith(prefix):
                loc["path"] = loc["path"][len(prefix):]
        findings.append(f)
    return findings


def corpus(manifest: dict, report: dict) -> dict:
    findings = relative_to_target(report)
    by_loc = collections.defaultdict(list)
    by_path = collections.defaultdict(list)
    for f in findings:
        loc = f["location"]
        by_loc[(loc["path"], loc["start_line"])].append(f)
        by_path[loc["path"]].append(f)
    found, near, missed = [], [], []
    used = set()
    per_kind = collections.defaultdict(lambda: [0, 0])
    per_lang = collections.defaultdict(lambda: [0, 0])
    rules_for_kind = collections.defaultdict(collections.Counter)
    for s in manifest["secrets"]:
        per_kind[s["kind"]][1] += 1
        per_lang[s["lang"]][1] += 1
        hits = [f for f in by_loc.get((s["path"], s["line"]), []) if overlaps(f, s)]
        if hits:
            found.append(s)
            per_kind[s["kind"]][0] += 1
            per_lang[s["lang"]][0] += 1
            for f in hits:
                used.add(id(f))
                rules_for_kind[s["kind"]][f["rule_id"]] += 1
            continue
        close = [f for f in by_path.get(s["path"], []) if abs(f["location"]["start_line"] - s["line"]) <= 2]
        for f in close:
            used.add(id(f))
        (near if close else missed).append(s)
    extra = collections.Counter(f["rule_id"] for f in findings if id(f) not in used)
    extra_examples = collections.defaultdict(list)
    for f in findings:
        if id(f) not in used and len(extra_examples[f["rule_id"]]) < 3:
            extra_examples[f["rule_id"]].append(f"{f['location']['path']}:{f['location']['start_line']}")
    total = len(manifest["secrets"])
    print(f"recall: {pct(len(found), total)} planted secrets found at the planted path and line")
    if near:
        print(f"        {len(near)} more found in the same file within 2 lines")
    print("  per kind:")
    for k in sorted(per_kind):
        a, b = per_kind[k]
        rules = ", ".join(f"{r}×{n}" for r, n in rules_for_kind[k].most_common())
        print(f"    {k:22} {pct(a, b):>16}   {rules}")
    print("  per file type:")
    for k in sorted(per_lang):
        a, b = per_lang[k]
        print(f"    {k:22} {pct(a, b):>16}")
    if missed:
        print(f"  missed ({len(missed)}), first 15:")
        for s in missed[:15]:
            print(f"    {s['kind']:22} {s['path']}:{s['line']}")
    print(f"  findings matching no planted secret: {sum(extra.values())}")
    for r, n in extra.most_common():
        print(f"    {r:34} {n:6}   e.g. {', '.join(extra_examples[r])}")
    return {"planted": total, "found": len(found), "near": len(near), "missed": len(missed),
            "recall": len(found) / total if total else None,
            "per_kind": {k: {"found": v[0], "planted": v[1]} for k, v in sorted(per_kind.items())},
            "per_lang": {k: {"found": v[0], "planted": v[1]} for k, v in sorted(per_lang.items())},
            "unplanted_findings": dict(extra.most_common()),
            "missed_examples": [f"{s['kind']} {s['path']}:{s['line']}" for s in missed[:50]]}


def history(manifest: dict, report: dict) -> dict:
    findings = report.get("findings", [])
    by_loc = collections.defaultdict(list)
    for f in findings:
        loc = f["location"]
        by_loc[(loc["path"], loc["start_line"])].append(f)
    ok, wrong_commit, missed, copies_ok, copies = [], [], [], 0, 0
    first = {s["id"]: s for s in manifest["secrets"]}
    for s in manifest["secrets"]:
        if s.get("copy_of") is not None:
            copies += 1
            orig = first[s["copy_of"]]
            prim = [f for f in by_loc.get((orig["path"], orig["line"]), [])
                    if (f["location"].get("commit") or {}).get("id") == orig["commit"]]
            if any(rl.get("path") == s["path"] for f in prim for rl in f.get("related_locations", [])):
                copies_ok += 1
            continue
        hits = by_loc.get((s["path"], s["line"]), [])
        if any((f["location"].get("commit") or {}).get("id") == s["commit"] for f in hits):
            ok.append(s)
        elif hits:
            wrong_commit.append(s)
        else:
            missed.append(s)
    total = len(manifest["secrets"]) - copies
    print(f"history recall: {pct(len(ok), total)} planted secrets found at the introducing commit, path and line")
    print(f"  removed later in history: {pct(sum(1 for s in ok if s['removed_commit']), sum(1 for s in manifest['secrets'] if s['removed_commit']))}")
    print(f"  on never-merged branches: {pct(sum(1 for s in ok if s['branch'] != 'main'), sum(1 for s in manifest['secrets'] if s['branch'] != 'main'))}")
    print(f"  copies listed as related locations of the first introduction: {pct(copies_ok, copies)}")
    if wrong_commit:
        print(f"  found at the right place but with another commit: {len(wrong_commit)}")
    per_kind = collections.defaultdict(lambda: [0, 0])
    for s in manifest["secrets"]:
        if s.get("copy_of") is None:
            per_kind[s["kind"]][1] += 1
    for s in ok:
        per_kind[s["kind"]][0] += 1
    for k in sorted(per_kind):
        print(f"    {k:22} {pct(*per_kind[k]):>16}")
    for s in missed[:15]:
        print(f"  missed: {s['kind']:22} {s['path']}:{s['line']} @ {s['commit'][:12]}")
    return {"planted": total, "found_with_commit": len(ok), "wrong_commit": len(wrong_commit),
            "missed": len(missed), "copies": copies, "copies_ok": copies_ok,
            "per_kind": {k: {"found": v[0], "planted": v[1]} for k, v in sorted(per_kind.items())},
            "findings_total": len(findings)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("corpus", "history"))
    ap.add_argument("manifest")
    ap.add_argument("report")
    ap.add_argument("--json", help="also write the figures here")
    a = ap.parse_args()
    m, r = load(a.manifest), load(a.report)
    res = corpus(m, r) if a.mode == "corpus" else history(m, r)
    cov = r.get("coverage", {})
    if cov:
        res["coverage"] = {k: v for k, v in cov.items() if not isinstance(v, list)}
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(res, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
