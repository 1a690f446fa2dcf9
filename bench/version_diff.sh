#!/usr/bin/env bash
# Differential checks of `palisade version cmp` against each ecosystem's reference
# implementation, on real versions: PEP 440 against Python's `packaging`, SemVer against
# node-semver, Debian against `dpkg --compare-versions`. Prints the mismatches (none expected).
#
#   bench/version_diff.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SHARED="${PALISADE_SHARED_DATA:-$ROOT/../shared/data}"
build_palisade
D="$WORK/version-diff"
mkdir -p "$D"

log "PEP 440: palisade vs packaging (versions from the PyPA advisories)"
[ -x "$D/venv/bin/python" ] || { python3 -m venv "$D/venv" && "$D/venv/bin/pip" install -q packaging; }
"$D/venv/bin/python" - "$SHARED/osv/pypa.jsonl" > "$D/pep.txt" <<'PY'
import json, random, sys
from packaging.version import Version, InvalidVersion
vs = set()
for l in open(sys.argv[1]):
    for a in json.loads(l)["affected"]:
        vs.update(a.get("versions", []))
        for r in a.get("ranges", []):
            for e in r["events"]:
                vs.update(e.values())
ok = []
for x in vs:
    try:
        if " " not in x:
            ok.append((Version(x), x))
    except InvalidVersion:
        pass
random.seed(1)
pairs = [tuple(random.sample(ok, 2)) for _ in range(20000)]
ok.sort()
pairs += list(zip(ok, ok[1:]))
for a, b in pairs:
    print(f"PyPI {a[1]} {b[1]} {'<' if a[0] < b[0] else '>' if a[0] > b[0] else '='}")
PY
cut -d' ' -f1-3 "$D/pep.txt" | "$BIN" version cmp --stdin > "$D/pep.out" 2>/dev/null || true
PEP=$(paste -d' ' "$D/pep.txt" "$D/pep.out" | awk '$4 != $5' | tee "$D/pep.mismatch" | wc -l)

log "SemVer: palisade vs node-semver (versions from the npm lockfiles and RustSec)"
[ -d "$D/node_modules/semver" ] || (cd "$D" && npm install --silent semver@7 >/dev/null)
python3 - "$SHARED" > "$D/npm.txt" <<'PY'
import glob, json, os, random, re, sys
vs = set()
for f in glob.glob(sys.argv[1] + "/lockfiles/**/*.json", recursive=True):
    if os.path.isfile(f) and f.endswith(("package-lock.json", "npm-shrinkwrap.json")):
        for v in json.load(open(f)).get("packages", {}).values():
            if re.match(r"^\d+\.\d+\.\d+", v.get("version", "")):
                vs.add(v["version"])
for l in open(sys.argv[1] + "/osv/rustsec.jsonl"):
    for a in json.loads(l)["affected"]:
        for r in a.get("ranges", []):
            for e in r["events"]:
                vs.update(x for x in e.values() if re.match(r"^\d+\.\d+\.\d+", x))
vs = sorted(vs)
random.seed(3)
for _ in range(20000):
    a, b = random.sample(vs, 2)
    print(f"npm {a} {b}")
PY
(cd "$D" && node -e '
const semver = require("semver"), fs = require("fs");
const lines = fs.readFileSync("npm.txt", "utf8").trim().split("\n");
fs.writeFileSync("npm.exp", lines.map(l => { const [, a, b] = l.split(" "); const c = semver.compare(a, b); return c < 0 ? "<" : c > 0 ? ">" : "="; }).join("\n") + "\n");')
"$BIN" version cmp --stdin < "$D/npm.txt" > "$D/npm.out" 2>/dev/null || true
NPM=$(paste -d' ' "$D/npm.txt" "$D/npm.exp" "$D/npm.out" | awk '$4 != $5' | tee "$D/npm.mismatch" | wc -l)

log "Debian: palisade vs dpkg --compare-versions (versions of this machine's packages)"
dpkg-query -W -f='${Version}\n' | sort -u > "$D/deb.versions"
python3 - "$D/deb.versions" > "$D/deb.txt" <<'PY'
import random, sys
vs = [l.strip() for l in open(sys.argv[1]) if l.strip()]
random.seed(2)
for _ in range(3000):
    a, b = random.sample(vs, 2)
    print(f"Debian {a} {b}")
PY
"$BIN" version cmp --stdin < "$D/deb.txt" > "$D/deb.out" 2>/dev/null || true
DEB=$(paste -d' ' "$D/deb.txt" "$D/deb.out" | while read -r _ a b r; do
  if dpkg --compare-versions "$a" lt "$b"; then x='<'; elif dpkg --compare-versions "$a" eq "$b"; then x='='; else x='>'; fi
  [ "$x" = "$r" ] || echo "$a $b palisade=$r dpkg=$x"
done | tee "$D/deb.mismatch" | wc -l)

echo "mismatches: PEP 440 $PEP of $(wc -l < "$D/pep.txt"), SemVer $NPM of $(wc -l < "$D/npm.txt"), Debian $DEB of $(wc -l < "$D/deb.txt")"
[ "$PEP" -eq 0 ] && [ "$NPM" -eq 0 ] && [ "$DEB" -eq 0 ]
