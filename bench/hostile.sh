#!/usr/bin/env bash
# Hostile single files: time and peak memory of one scan, next to ripgrep reading the same
# file for the same keywords (issue 5's bounds: keyword-dense files, suppression floods,
# minified lines).
#
#   bench/hostile.sh                 # the three files below, 3 runs each
#   SKIP_BUILD=1 RUNS=1 bench/hostile.sh
#
# Files (generated into WORK/hostile/, deterministic):
#   dense.env      50 MB of `password="<random>"` lines (one generic-password candidate
#                  per ~30 bytes, ~1.7 million of them)
#   suppress.py    16 MB of GitHub tokens, each with an inline `palisade:ignore` comment
#   minified.js    50 MB on one line, a `token=` keyword hit every ~40 bytes
# Figures are printed and written to WORK/hostile-results.json.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUNS="${RUNS:-3}"
DIR="$WORK/hostile"
KW="$WORK/keywords.txt"
ensure_tools
[ "${SKIP_BUILD:-0}" = 1 ] || build_palisade
extract_keywords "$KW"
mkdir -p "$DIR"

STAMP="gen=$(sha256sum "$0" | cut -c1-16)"
if [ "$(cat "$DIR/.stamp" 2>/dev/null)" != "$STAMP" ]; then
  log "generating hostile files"
  python3 - "$DIR" <<'EOF'
import random, string, sys, zlib
out = sys.argv[1]
rnd = random.Random(5)
alnum = string.ascii_letters + string.digits
def word(n):
    return "".join(rnd.choice(alnum) for _ in range(n))
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
def b62(n, width):
    s = ""
    while n:
        n, r = divmod(n, 62)
        s = B62[r] + s
    return s.rjust(width, "0")
def ghp():
    body = word(30)
    return "ghp_" + body + b62(zlib.crc32(body.encode()), 6)
with open(f"{out}/dense.env", "w") as f:
    size = 0
    while size < 50 * 1024 * 1024:
        line = f'password="{word(14)}7!"\n'
        f.write(line)
        size += len(line)
# Split so that palisade's own scan of this script does not see a suppression comment.
MARKER = "palisade:" + "ignore"
with open(f"{out}/suppress.py", "w") as f:
    size = 0
    i = 0
    while size < 16 * 1024 * 1024:
        line = f't{i} = "{ghp()}"  # {MARKER}[github-personal-access-token] revoked test token\n'
        f.write(line)
        size += len(line)
        i += 1
with open(f"{out}/minified.js", "w") as f:
    size = 0
    while size < 50 * 1024 * 1024:
        part = f'var a{word(4)}={{token:"{word(24)}"}};'
        f.write(part)
        size += len(part)
    f.write("\n")
EOF
  echo "$STAMP" >"$DIR/.stamp"
fi

machine_info | tee "$WORK/hostile-machine.txt"
results="["
for name in dense.env suppress.py minified.js; do
  file="$DIR/$name"
  PAL="$BIN scan $file --scanners secrets --isolated --format json --output /dev/null --no-progress --fail-on critical"
  RG="rg -i -F -c -f $KW $file"
  log "$name ($(du -h "$file" | cut -f1))"
  hyperfine --warmup 1 --runs "$RUNS" -i --export-json "$WORK/hostile-$name.json" "$PAL" "$RG" >&2
  pal_s=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$WORK/hostile-$name.json")
  rg_s=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][1]['median'])" "$WORK/hostile-$name.json")
  # shellcheck disable=SC2086
  rss=$(peak_rss_mib $PAL)
  # shellcheck disable=SC2086
  findings=$($BIN scan "$file" --scanners secrets --isolated --format json --no-progress --fail-on critical 2>/dev/null \
    | python3 -c "import json,sys; r=json.load(sys.stdin); print(len(r['findings']), len(r['diagnostics']))")
  ratio=$(python3 -c "print(round($pal_s / $rg_s, 2))")
  echo "$name: palisade ${pal_s}s, ripgrep ${rg_s}s, ratio ${ratio}x, palisade peak RSS ${rss} MiB, findings/diagnostics: $findings"
  results="$results{\"file\":\"$name\",\"palisade_s\":$pal_s,\"rg_s\":$rg_s,\"ratio\":$ratio,\"peak_rss_mib\":$rss,\"findings_diagnostics\":\"$findings\"},"
done
echo "${results%,}]" >"$WORK/hostile-results.json"
log "wrote $WORK/hostile-results.json"
