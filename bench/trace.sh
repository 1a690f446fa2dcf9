#!/usr/bin/env bash
# Traceability benchmark: `palisade trace` at scale, and against Doorstop on the same tree.
#
#   bench/trace.sh                      # ITEMS=100000 for palisade, PEER_ITEMS=10000 for both
#   ITEMS=20000 PEER_ITEMS=2000 bench/trace.sh
#
# Corpus (generated under $WORK by bench/gen_trace.py, never in the repository): requirements
# and designs in Markdown (OpenFastTrace notation), coverage tags in Python files; ITEMS
# items and about 3 links per item. The peer corpus has the same items and links as a
# Doorstop tree (one YAML file per item), except the design-to-design "depends" links, which
# Doorstop cannot express (an item links only to its parent document).
#
# Measured (wall time and peak RSS from /usr/bin/time):
#   cold        palisade trace on ITEMS items with no lock (every link traced, lock written);
#   warm        the same again, lock present and current (links compared, lock not rewritten);
#   one change  one design's text edited: its links turn suspect (exit 1), the rest unchanged;
#   peer        palisade trace and `doorstop` (which loads and validates the whole tree) on
#               PEER_ITEMS items.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${WORK:-$(mktemp -d)}
ITEMS=${ITEMS:-100000}
PEER_ITEMS=${PEER_ITEMS:-10000}
DOORSTOP_VERSION=3.2

if [ ! -x "$WORK/venv/bin/doorstop" ]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q "doorstop==$DOORSTOP_VERSION"
fi
BIG="$WORK/big-$ITEMS"
[ -d "$BIG" ] || python3 bench/gen_trace.py "$BIG" "$ITEMS"
PAL_SMALL="$WORK/pal-$PEER_ITEMS"
DS_SMALL="$WORK/doorstop-$PEER_ITEMS"
if [ ! -d "$DS_SMALL" ]; then
  python3 bench/gen_trace.py "$PAL_SMALL" "$PEER_ITEMS" --doorstop "$DS_SMALL"
  # Doorstop finds its tree from the root of a version-control working copy.
  git -C "$DS_SMALL" init -q
fi
rm -f "$BIG/palisade-trace.lock"
echo "corpus: $(find "$BIG" -type f | wc -l) files, $(du -sb "$BIG" | cut -f1) bytes ($BIG)"

cargo build --release -q
PAL="$ROOT/target/release/palisade"
run() { # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || true
  # A non-zero exit adds a "Command exited" line before the figures.
  read -r secs kb < <(tail -1 "$WORK/$name.time")
  echo "$name: ${secs}s, peak RSS $((kb / 1024)) MB"
}
secs() { tail -1 "$WORK/$1.time" | cut -d' ' -f1; }
TRACE_OPTS=(--isolated -v -f json)

run cold "$PAL" trace "$BIG" "${TRACE_OPTS[@]}"
[ -f "$BIG/palisade-trace.lock" ] || { echo "error: no lock written (see $WORK/cold.err)" >&2; exit 1; }
run warm "$PAL" trace "$BIG" "${TRACE_OPTS[@]}"
# One design's text changes: its 8 upward links and the tags that cover it turn suspect.
f=$(ls "$BIG"/docs/dsn-*.md | head -1)
cp "$f" "$WORK/dsn.orig"
python3 - "$f" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
i = s.index("`dsn~d0~1`")
j = s.index("\n\n", i) + 2
open(p, "w").write(s[:j] + "Edited by bench/trace.sh. " + s[j:])
PY
run one-change "$PAL" trace "$BIG" "${TRACE_OPTS[@]}"
cp "$WORK/dsn.orig" "$f"
grep -E "^.*(read|collected|traced|lock compared)" "$WORK/one-change.err" | sed 's/^/  /' || true

rm -f "$PAL_SMALL/palisade-trace.lock"
run palisade-peer "$PAL" trace "$PAL_SMALL" "${TRACE_OPTS[@]}"
# `doorstop` with no command loads every document and item, validates links (both
# directions), levels and suspect links, and prints the tree. -W: no item is reviewed, so
# skip 10,000 review warnings; -F: validate without rewriting every item file.
run doorstop sh -c "cd '$DS_SMALL' && '$WORK/venv/bin/doorstop' -W -F"

python3 - "$WORK" <<'PY'
import json, sys, pathlib
w = pathlib.Path(sys.argv[1])
for name in ["cold", "warm", "one-change", "palisade-peer"]:
    try:
        t = json.loads((w / f"{name}.out").read_text())
        print(f"{name}: {t['total']} items, links {t['links']}, verdict {t['verdict']!r}")
    except Exception as e:  # noqa: BLE001
        print(f"{name}: output not read: {e}")
PY
python3 -c "import sys; p, c = float(sys.argv[1]), float(sys.argv[2]); print(f'palisade trace is {c / max(p, 0.001):.0f}x faster than Doorstop at the same size')" \
  "$(secs palisade-peer)" "$(secs doorstop)"
