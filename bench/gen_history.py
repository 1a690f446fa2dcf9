#!/usr/bin/env python3
"""Deterministic generator of a git repository with a long history and planted secrets.

    python3 bench/gen_history.py --out bench/work/history-20000 --commits 20000 --files 2000 --seed 1

writes

    OUT/repo/             a git repository built with `git fast-import` (fixed authors and
                          dates, so the same arguments give the same commit ids), branch
                          `main` plus a few never-merged `feature/*` branches
    OUT/manifest.json     every planted secret: kind, path, 1-based line and the commit that
                          introduced it, and the commit that removed it (null if it is still
                          at the branch tip)

The first commit adds `--files` source-like files (the block pools of gen_corpus.py); each
later commit edits 1-4 files (replace, insert or delete a few lines; sometimes add a file).
Planted secrets are added by one commit and, for most of them, removed by a later one, so
they live only in history. A few are copied later into a second file (the introducing
commit stays the first one), and each feature branch carries one secret of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_corpus as gc  # noqa: E402

HIST_LANGS = {"py": 0.3, "ts": 0.2, "go": 0.2, "java": 0.12, "yaml": 0.1, "md": 0.05, "env": 0.03}
EPOCH = 1_600_000_000
AUTHORS = [("Ada Lovelace", "ada@example.org"), ("Grace Hopper", "grace@example.org"),
           ("Ken Thompson", "ken@example.org"), ("Barbara Liskov", "barbara@example.org"),
           ("Dennis Ritchie", "dmr@example.org")]


class Repo:
    def __init__(self, rng: random.Random, pools: dict[str, list[list[str]]]):
        self.rng = rng
        self.pools = pools
        self.files: dict[str, list[str]] = {}
        self.lang: dict[str, str] = {}
        self.protected: dict[str, Counter] = {}
        self.order: list[str] = []  # stable path order for random choice

    def block_lines(self, lang: str) -> list[str]:
        return list(self.rng.choice(self.pools[lang]))

    def new_file(self, path: str, lang: str, n_blocks: int) -> None:
        lines = gc.header(self.rng, lang, path).split("\n")[:-1]
        for _ in range(n_blocks):
            lines += self.block_lines(lang)
        self.files[path] = lines
        self.lang[path] = lang
        self.protected[path] = Counter()
        self.order.append(path)

    def can_cut(self, path: str, i: int) -> bool:
        """Can the line boundary before index i be used (not inside a planted snippet)?"""
        lines, prot = self.files[path], self.protected[path]
        return not (0 < i < len(lines) and prot[lines[i - 1]] > 0 and prot[lines[i]] > 0)

    def edit(self, path: str) -> None:
        rng, lines, prot = self.rng, self.files[path], self.protected[path]
        op = rng.random()
        if len(lines) > 260:
            op = 0.95
        if op < 0.45:  # replace a few lines
            i = rng.randrange(len(lines) + 1)
            j = min(len(lines), i + rng.randint(1, 6))
            if any(prot[l] > 0 for l in lines[i:j]) or not self.can_cut(path, i) or not self.can_cut(path, j):
                lines.extend(self.block_lines(self.lang[path])[:4])
                return
            new = self.block_lines(self.lang[path])[: rng.randint(1, 8)]
            lines[i:j] = new
        elif op < 0.85:  # insert a block
            i = rng.randrange(len(lines) + 1)
            if not self.can_cut(path, i):
                i = len(lines)
            lines[i:i] = self.block_lines(self.lang[path])
        else:  # delete a few lines
            i = rng.randrange(len(lines) + 1)
            j = min(len(lines), i + rng.randint(3, 20))
            if any(prot[l] > 0 for l in lines[i:j]) or not self.can_cut(path, i) or not self.can_cut(path, j):
                return
            del lines[i:j]

    def plant(self, path: str, kind: str, value: str) -> tuple[int, list[str]]:
        """Insert a planted snippet; returns the 1-based line and column of the secret and the lines."""
        lines = self.files[path]
        text, off = gc.planted_snippet(self.rng, self.lang[path], kind, value)
        new = text.split("\n")[:-1]
        i = self.rng.randrange(len(lines) + 1)
        while not self.can_cut(path, i):
            i = self.rng.randrange(len(lines) + 1)
        lines[i:i] = new
        self.protected[path].update(new)  # Counter: adds counts
        return i + off + 1, gc.snippet_column(text, off, value), new

    def unplant(self, path: str, snippet: list[str]) -> None:
        lines = self.files[path]
        for i in range(len(lines) - len(snippet) + 1):
            if lines[i] == snippet[0] and lines[i:i + len(snippet)] == snippet:
                del lines[i:i + len(snippet)]
                self.protected[path].subtract(snippet)
                return
        raise AssertionError(f"planted snippet not found in {path}")

    def blob(self, path: str) -> bytes:
        return ("\n".join(self.files[path]) + "\n").encode()


def generate(out: str, n_commits: int, n_files: int, seed: int) -> dict:
    rng = random.Random(seed)
    repo_dir = os.path.join(out, "repo")
    if os.path.exists(repo_dir):
        shutil.rmtree(repo_dir)
    os.makedirs(repo_dir)
    subprocess.run(["git", "init", "-q", "-b", "main", repo_dir], check=True)

    pools = {lang: [gc.block_fn(lang)(rng).split("\n")[:-1] or [""] for _ in range(600)]
             for lang in HIST_LANGS}
    r = Repo(rng, pools)
    exts = {"py": ".py", "ts": ".ts", "go": ".go", "java": ".java", "yaml": ".yaml", "md": ".md", "env": ".env"}
    langs, weights = list(HIST_LANGS), list(HIST_LANGS.values())
    projects = gc.PROJECTS[:12]

    def fresh_path(lang: str) -> str:
        while True:
            proj = rng.choice(projects)
            d = "/".join(rng.choice(gc.DIRS) for _ in range(rng.randint(1, 3)))
            name = (f".env.{rng.choice(('production', 'staging', 'local'))}" if lang == "env"
                    else gc.snake(gc.noun(rng), gc.noun(rng)) + exts[lang])
            p = f"{proj}/{d}/{name}"
            if p not in r.files and not gc.is_test_like(p):
                return p

    proc = subprocess.Popen(
        ["git", "-C", repo_dir, "fast-import", "--quiet", "--export-marks=" + os.path.join(os.path.abspath(out), "marks")],
        stdin=subprocess.PIPE)
    sink = proc.stdin
    assert sink is not None

    # Plan: which commits plant and remove which secrets.
    n_secrets = max(len(gc.KINDS) * 2, n_commits // 300)
    kinds = [gc.KINDS[i % len(gc.KINDS)] for i in range(n_secrets)]
    rng.shuffle(kinds)
    plant_at: dict[int, list[int]] = {}
    remove_at: dict[int, list[int]] = {}
    copy_at: dict[int, list[int]] = {}
    for s in range(n_secrets):
        c = rng.randrange(1, n_commits)
        plant_at.setdefault(c, []).append(s)
        if rng.random() < 0.75:
            rc = c + rng.randint(1, max(2, n_commits // 7))
            if rc < n_commits:
                remove_at.setdefault(rc, []).append(s)
        if s % 10 == 3:
            cc = c + rng.randint(1, max(2, n_commits // 10))
            if cc < n_commits:
                copy_at.setdefault(cc, []).append(s)
    secrets: list[dict] = []
    live: dict[int, tuple[str, list[str]]] = {}  # secret -> (path, snippet)
    values: dict[int, str] = {}

    def emit_commit(ref: str, mark: int, when: int, msg: str, parent: int | None,
                    changed: list[str]) -> None:
        name, email = AUTHORS[mark % len(AUTHORS)]
        data = msg.encode()
        head = (f"commit {ref}\nmark :{mark}\nauthor {name} <{email}> {when} +0000\n"
                f"committer {name} <{email}> {when} +0000\ndata {len(data)}\n").encode() + data + b"\n"
        if parent is not None:
            head += f"from :{parent}\n".encode()
        parts = [head]
        for p in sorted(set(changed)):
            blob = r.blob(p)
            parts.append(f"M 100644 inline {p}\ndata {len(blob)}\n".encode() + blob + b"\n")
        parts.append(b"\n")
        sink.write(b"".join(parts))

    # Commit 1 (mark 1): the initial tree.
    for _ in range(n_files):
        lang = rng.choices(langs, weights=weights)[0]
        r.new_file(fresh_path(lang), lang, rng.randint(3, 9))
    emit_commit("refs/heads/main", 1, EPOCH, "Initial import\n", None, list(r.files))

    branch_points = sorted(rng.sample(range(2, n_commits), 3)) if n_commits > 10 else []
    for c in range(1, n_commits):
        mark = c + 1
        changed = []
        for _ in range(rng.choices((1, 2, 3, 4), weights=(45, 30, 15, 10))[0]):
            if rng.random() < 0.01:
                lang = rng.choices(langs, weights=weights)[0]
                p = fresh_path(lang)
                r.new_file(p, lang, rng.randint(2, 6))
            else:
                p = rng.choice(r.order)
                r.edit(p)
            changed.append(p)
        for s in plant_at.get(c, []):
            p = rng.choice(r.order)
            values[s] = gc.secret_value(rng, kinds[s])
            line, col, snip = r.plant(p, kinds[s], values[s])
            live[s] = (p, snip)
            secrets.append({"id": s, "kind": kinds[s], "path": p, "line": line, "column": col, "mark": mark,
                            "removed_mark": None, "branch": "main", "copy_of": None})
            changed.append(p)
        for s in copy_at.get(c, []):
            # The same value again in another file: the introducing commit stays the first.
            p = rng.choice(r.order)
            line, col, snip = r.plant(p, kinds[s], values[s])
            live[1000000 + s] = (p, snip)
            secrets.append({"id": 1000000 + s, "kind": kinds[s], "path": p, "line": line, "column": col, "mark": mark,
                            "removed_mark": None, "branch": "main", "copy_of": s})
            changed.append(p)
        for s in remove_at.get(c, []):
            if s in live:
                p, snip = live.pop(s)
                r.unplant(p, snip)
                for e in secrets:
                    if e["id"] == s:
                        e["removed_mark"] = mark
                changed.append(p)
        emit_commit("refs/heads/main", mark, EPOCH + 600 * c,
                    f"{gc.pascal(rng.choice(gc.VERBS))} {gc.noun(rng)} {gc.noun(rng)}\n", mark - 1, changed)

        if c in branch_points:
            # A short never-merged branch off this commit carrying its own secret. Its
            # edits are made on a snapshot and rolled back so main continues unchanged.
            bi = branch_points.index(c)
            ref = f"refs/heads/feature/{gc.PROJECTS[bi]}-{rng.choice(gc.VERBS)}"
            snapshot = {p: list(v) for p, v in r.files.items()}
            prot = {p: Counter(v) for p, v in r.protected.items()}
            order = list(r.order)
            parent = mark
            n_branch = rng.randint(5, 15)
            plant_k = rng.randrange(n_branch)
            for k in range(n_branch):
                bmark = 10_000_000 + bi * 1000 + k
                ch = []
                p = rng.choice(r.order)
                r.edit(p)
                ch.append(p)
                if k == plant_k:
                    kind = gc.KINDS[bi % len(gc.KINDS)]
                    pp = rng.choice(r.order)
                    v = gc.secret_value(rng, kind)
                    line, col, _ = r.plant(pp, kind, v)
                    secrets.append({"id": 2000000 + bi, "kind": kind, "path": pp, "line": line, "column": col,
                                    "mark": bmark, "removed_mark": None, "branch": ref[len("refs/heads/"):],
                                    "copy_of": None})
                    ch.append(pp)
                emit_commit(ref, bmark, EPOCH + 600 * c + 17 * (k + 1),
                            f"WIP {gc.noun(rng)} {gc.noun(rng)}\n", parent, ch)
                parent = bmark
            r.files, r.protected, r.order = snapshot, prot, order
            r.lang = {p: r.lang[p] for p in r.files}

    sink.close()
    if proc.wait() != 0:
        raise SystemExit("git fast-import failed")
    marks = {}
    with open(os.path.join(out, "marks"), encoding="utf-8") as fh:
        for line in fh:
            m, sha = line.split()
            marks[int(m[1:])] = sha
    for e in secrets:
        e["commit"] = marks[e["mark"]]
        e["removed_commit"] = marks[e["removed_mark"]] if e["removed_mark"] else None
        if e["copy_of"] is not None:
            first = next(x for x in secrets if x["id"] == e["copy_of"])
            # Expected: the first introduction (commit and path) of the same value.
            e["expect_commit"], e["expect_path"] = first["commit"], first["path"]
        else:
            e["expect_commit"], e["expect_path"] = e["commit"], e["path"]
    subprocess.run(["git", "-C", repo_dir, "reset", "-q", "--hard", "main"], check=True)
    meta = {"seed": seed, "commits_main": n_commits, "files_initial": n_files,
            "secrets": sorted(secrets, key=lambda e: (e["mark"], e["path"]))}
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1)
        fh.write("\n")
    return meta


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--commits", type=int, default=20000)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    meta = generate(a.out, a.commits, a.files, a.seed)
    s = meta["secrets"]
    print(f"history: {a.out}/repo  commits(main)={a.commits}  planted={len(s)} "
          f"removed_later={sum(1 for e in s if e['removed_commit'])} copies={sum(1 for e in s if e['copy_of'] is not None)} "
          f"on_branches={sum(1 for e in s if e['branch'] != 'main')}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
