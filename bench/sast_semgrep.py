"""Translate palisade's built-in SAST rules into one Semgrep rule file, for bench/sast.sh.

  python3 bench/sast_semgrep.py RULES_DIR OUT.yaml [LANG ...]

The point is a comparable workload, not identical results: each palisade rule becomes one
Semgrep rule with the same patterns. `$$$X` and `$$$` become `...`; `any` becomes
`pattern-either`, `all` and a mapping's several keys `patterns`, `not` `pattern-not`,
`inside` `pattern-inside`, `regex` `pattern-regex`, `where` `metavariable-regex`. Matchers
Semgrep has no equivalent for (`kind`, `has`, `follows`, `precedes`) are left out of the
translation, so the Semgrep rule is at most as selective as ours.
"""
import glob
import json
import os
import re
import sys

import yaml  # PyYAML, installed with semgrep

LANGS = {"python": "python", "javascript": "javascript", "c": "c"}

# The `@web-request` source sets of crates/palisade-sast/src/rule.rs (preset), for taint rules.
WEB = {
    "python": ["request.args", "request.form", "request.values", "request.files",
               "request.cookies", "request.headers", "request.data", "request.json",
               "request.get_json(...)", "request.get_data(...)", "request.stream",
               "request.view_args", "request.GET", "request.POST", "request.COOKIES",
               "request.META", "request.FILES", "request.body", "request.query_params",
               "request.path_params", "self.request.GET", "self.request.POST"],
    "javascript": ["req.query", "req.body", "req.params", "req.headers", "req.cookies",
                   "req.url", "request.query", "request.body", "request.params", "ctx.query",
                   "ctx.params", "ctx.request.body", "location.search", "location.hash",
                   "location.href", "window.location.search", "window.location.hash",
                   "window.location.href", "document.URL", "document.referrer",
                   "document.cookie"],
}


def taint(r):
    """A Semgrep taint rule from a palisade taint rule."""
    sources = []
    for src in r["sources"]:
        if isinstance(src, str) and src.startswith("@"):
            sources.extend({"pattern": p} for p in WEB[r["language"]])
        else:
            sources.extend(matcher(src) or [])
    sinks = []
    for sink in r["sinks"]:
        focus = sink.pop("focus", None) if isinstance(sink, dict) else None
        ops = matcher(sink) or []
        if not ops:
            continue  # nothing Semgrep can express: the sink is left out
        if focus:
            ops.append({"focus-metavariable": focus})
        sinks.append({"patterns": ops} if len(ops) > 1 else ops[0])
    out = {"mode": "taint", "pattern-sources": sources, "pattern-sinks": sinks}
    sanitizers = [m for s in r.get("sanitizers", []) for m in (matcher(s) or [])]
    if sanitizers:
        out["pattern-sanitizers"] = sanitizers
    return out


def pat(p):
    p = re.sub(r"\$\$\$[A-Z_][A-Z0-9_]*", "...", p)
    return p.replace("$$$", "...")


def matcher(m):
    """A list of Semgrep pattern operators that all must hold, or None."""
    if isinstance(m, str):
        return [{"pattern": pat(m)}]
    if not isinstance(m, dict):
        return None
    ops = []
    for key, v in m.items():
        if key == "pattern":
            if isinstance(v, dict):
                continue  # context/selector: no equivalent
            ops.append({"pattern": pat(v)})
        elif key == "regex":
            ops.append({"pattern-regex": v})
        elif key == "any":
            alts = []
            for a in v:
                sub = matcher(a)
                if sub:
                    alts.append(sub[0] if len(sub) == 1 else {"patterns": sub})
            if alts:
                ops.append({"pattern-either": alts})
        elif key == "all":
            for a in v:
                ops.extend(matcher(a) or [])
        elif key == "not":
            sub = matcher(v)
            if sub and len(sub) == 1 and "pattern" in sub[0]:
                ops.append({"pattern-not": sub[0]["pattern"]})
        elif key == "inside":
            sub = matcher(v)
            if sub and len(sub) == 1 and "pattern" in sub[0]:
                ops.append({"pattern-inside": sub[0]["pattern"]})
    positive = [o for o in ops if set(o) & {"pattern", "pattern-either", "pattern-regex"}]
    return ops if positive else None


def main():
    rules_dir, out = sys.argv[1], sys.argv[2]
    wanted = set(sys.argv[3:]) or set(LANGS)
    rules = []
    for path in sorted(glob.glob(os.path.join(rules_dir, "*", "*.yaml"))):
        with open(path) as f:
            r = yaml.safe_load(f)
        if r["language"] not in wanted:
            continue
        rule = {
            "id": r["id"],
            "languages": [LANGS[r["language"]]],
            "severity": "ERROR",
            "message": r["title"],
        }
        if r.get("mode") == "taint":
            rule.update(taint(r))
        else:
            ops = matcher(r["match"])
            if not ops:
                continue
            for w in r.get("where", []):
                if "regex" in w:
                    ops.append({"metavariable-regex": {"metavariable": w["metavariable"], "regex": w["regex"]}})
            rule["patterns"] = ops
        rules.append(rule)
    with open(out, "w") as f:
        yaml.safe_dump({"rules": rules}, f, sort_keys=False)
    print(json.dumps({"rules": len(rules)}))


main()
