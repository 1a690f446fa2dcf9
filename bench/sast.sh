#!/usr/bin/env bash
# SAST benchmark: palisade's sast scanner against Semgrep and Bandit on the same files.
#
#   bench/sast.sh
#
# Corpus (downloaded into $WORK, never into the repository): the Django 5.1.4 sdist from
# PyPI (Python) and the eslint 9.17.0 package from npm (JavaScript).
# Peers, from PyPI into a virtual environment:
#   - Semgrep, with palisade's own rules translated into one local Semgrep rule file
#     (bench/sast_semgrep.py; no registry download is possible here, and the same rules
#     give the same workload), on both trees;
#   - Bandit, with its built-in checks, on the Python tree (palisade: its Python rules).
# palisade and Semgrep run five times per tree, taking turns (these shared machines drift
# by 20% and more within minutes, so a pair run back to back sees the same machine): the
# ratio is the median of the five pairs' ratios, the times the medians of each tool's runs.
# Bandit runs once (its figure is far from the others'); wall time and peak RSS come from
# /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${WORK:-$(mktemp -d)}
SEMGREP_VERSION=1.185.0
BANDIT_VERSION=1.9.4
DJANGO_VERSION=5.1.4
ESLINT_VERSION=9.17.0

if [ ! -x "$WORK/venv/bin/semgrep" ] || [ ! -x "$WORK/venv/bin/bandit" ]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q "semgrep==$SEMGREP_VERSION" "bandit==$BANDIT_VERSION"
fi
CORPUS="$WORK/corpus"
if [ ! -d "$CORPUS/django" ]; then
  mkdir -p "$CORPUS" "$WORK/dl"
  "$WORK/venv/bin/pip" download -q "django==$DJANGO_VERSION" --no-deps --no-binary :all: -d "$WORK/dl"
  mkdir -p "$CORPUS/django"
  tar -xzf "$WORK/dl"/[Dd]jango-"$DJANGO_VERSION".tar.gz -C "$CORPUS/django" --strip-components 1
  (cd "$WORK/dl" && npm pack -q "eslint@$ESLINT_VERSION" >/dev/null)
  mkdir -p "$CORPUS/eslint"
  tar -xzf "$WORK/dl/eslint-$ESLINT_VERSION.tgz" -C "$CORPUS/eslint" --strip-components 1
fi
for t in django eslint; do
  echo "corpus $t: $(find "$CORPUS/$t" -name '*.py' -o -name '*.js' | wc -l) source files, $(du -sb "$CORPUS/$t" | cut -f1) bytes"
done

cargo build --release -q
PAL="$ROOT/target/release/palisade"
"$WORK/venv/bin/python" bench/sast_semgrep.py crates/palisade-sast/rules "$WORK/semgrep-py.yaml" python
"$WORK/venv/bin/python" bench/sast_semgrep.py crates/palisade-sast/rules "$WORK/semgrep-js.yaml" javascript

time1() { # name, index, command...: one run's wall time and peak RSS into $WORK/name.time.index
  local name=$1 i=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$WORK/$name.time.$i" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || true
}
median() { # name, runs: the median run's "seconds KB" into $WORK/name.time
  local name=$1 runs=$2
  for i in $(seq "$runs"); do tail -1 "$WORK/$name.time.$i"; done | sort -n | sed -n "$(( (runs + 1) / 2 ))p" > "$WORK/$name.time"
  read -r secs kb < "$WORK/$name.time"
  echo "$name: ${secs}s (median of $runs: $(for i in $(seq "$runs"); do tail -1 "$WORK/$name.time.$i" | cut -d' ' -f1; done | tr '\n' ' ')), peak RSS $((kb / 1024)) MB"
}
pairs() { # tree, semgrep rule file, runs: palisade and Semgrep taking turns
  local tree=$1 rules=$2 runs=$3
  # Both tools then read the files from the page cache.
  find "$CORPUS/$tree" -type f -exec cat {} + > /dev/null
  for i in $(seq "$runs"); do
    time1 "palisade-$tree" "$i" "$PAL" scan "$CORPUS/$tree" --isolated --scanners sast --no-progress -f json --exit-zero
    time1 "semgrep-$tree" "$i" "${SEMGREP[@]}" --config "$rules" "$CORPUS/$tree"
  done
  median "palisade-$tree" "$runs"
  median "semgrep-$tree" "$runs"
}
secs() { tail -1 "$WORK/$1.time" | cut -d' ' -f1; }
ratio() { # tree, runs: the median of the pairs' Semgrep/palisade ratios
  for i in $(seq "$2"); do
    echo "$(tail -1 "$WORK/semgrep-$1.time.$i" | cut -d' ' -f1) $(tail -1 "$WORK/palisade-$1.time.$i" | cut -d' ' -f1)"
  done | python3 -c 'import sys, statistics; print(f"{statistics.median(float(s) / max(float(p), 0.001) for s, p in (l.split() for l in sys.stdin)):.1f}")'
}
SEMGREP=("$WORK/venv/bin/semgrep" scan --metrics=off --disable-version-check --no-git-ignore --json --quiet)
RUNS=5

pairs django "$WORK/semgrep-py.yaml" "$RUNS"
time1 bandit-django 1 "$WORK/venv/bin/bandit" -r "$CORPUS/django" -f json -q
median bandit-django 1
pairs eslint "$WORK/semgrep-js.yaml" "$RUNS"

python3 - "$WORK" <<'PY'
import json, sys, pathlib
w = pathlib.Path(sys.argv[1])
def count(name, key):
    try:
        return len(json.loads((w / f"{name}.out").read_text())[key])
    except Exception as e:  # noqa: BLE001
        return f"unread ({e})"
for t in ["django", "eslint"]:
    print(f"{t}: palisade {count('palisade-' + t, 'findings')} findings, semgrep {count('semgrep-' + t, 'results')} results")
print(f"django: bandit {count('bandit-django', 'results')} results")
PY
python3 - "$(secs palisade-django)" "$(secs bandit-django)" "$(ratio django "$RUNS")" "$(ratio eslint "$RUNS")" <<'PY'
import sys
pd, bd = (float(x) for x in sys.argv[1:3])
rd, re_ = sys.argv[3:5]
print(f"django: palisade is {rd}x faster than Semgrep (median of the pairs), {bd / max(pd, 0.001):.1f}x faster than Bandit")
print(f"eslint: palisade is {re_}x faster than Semgrep (median of the pairs)")
PY
