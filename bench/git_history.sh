#!/usr/bin/env bash
# Git history scanning: palisade --git-history vs the naive `git log -p | rg` pipeline.
#
#   bench/git_history.sh                              # 20,000 commits over ~2,000 files
#   COMMITS=2000 FILES=300 bench/git_history.sh       # quick
#
# Env: COMMITS (20000), FILES (2000), SEED (1), RUNS (3), WORK (bench/work), SKIP_BUILD=1.
#
# 1. installs tools and builds palisade (as bench/secrets.sh);
# 2. generates the repository with bench/gen_history.py (git fast-import, fixed authors and
#    dates: same parameters, same commit ids) unless it already exists;
# 3. hyperfine --warmup 1 --runs RUNS -i over
#      palisade scan REPO --scanners secrets --isolated --git-history --format json --output /dev/null --no-progress --fail-on critical
#      git -C REPO log --all -p | rg -i -F -c -f keywords.txt          (what gitleaks-style tools walk)
#      every blob once through git cat-file --batch | rg ...            (the same bytes palisade reads)
# 4. peak RSS of the palisade run;
# 5. one run with --output FILE and bench/recall.py history: planted secrets found with the
#    commit that introduced them.
# Figures are printed and written to WORK/history-results.json.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

COMMITS="${COMMITS:-20000}"
FILES="${FILES:-2000}"
SEED="${SEED:-1}"
RUNS="${RUNS:-3}"
HDIR="$WORK/history-${COMMITS}c-${FILES}f-seed${SEED}"
REPO="$HDIR/repo"
KW="$WORK/keywords.txt"

ensure_tools
[ "${SKIP_BUILD:-0}" = 1 ] || build_palisade

STAMP="commits=$COMMITS files=$FILES seed=$SEED gen=$(cat "$BENCH_DIR/gen_history.py" "$BENCH_DIR/gen_corpus.py" | sha256sum | cut -c1-16)"
if [ ! -f "$HDIR/manifest.json" ] || [ "$(cat "$HDIR/.stamp" 2>/dev/null)" != "$STAMP" ]; then
  log "generating repository ($STAMP)"
  rm -rf "$HDIR"
  mkdir -p "$HDIR"
  python3 "$BENCH_DIR/gen_history.py" --out "$HDIR" --commits "$COMMITS" --files "$FILES" --seed "$SEED"
  echo "$STAMP" >"$HDIR/.stamp"
else
  log "repository exists: $REPO ($STAMP)"
fi
extract_keywords "$KW"

PAL=("$BIN" scan "$REPO" --scanners secrets --isolated --git-history --format json --output /dev/null --no-progress --fail-on critical)
PAL_CMD="${PAL[*]}"
LOG_CMD="git -C $REPO log --all -p | rg -i -F -c -f $KW"
BLOBS_CMD="git -C $REPO cat-file --batch-all-objects --batch-check='%(objectname) %(objecttype)' | awk '\$2==\"blob\" {print \$1}' | git -C $REPO cat-file --batch | rg -i -F -c -f $KW"

machine_info | tee "$WORK/history-machine.txt"
n_commits=$(git -C "$REPO" rev-list --all | wc -l)
n_blobs=$(git -C "$REPO" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' | awk '$1=="blob" {n++; s+=$2} END {print n, s}')
log_bytes=$(git -C "$REPO" log --all -p | wc -c)
pack=$(du -sb "$REPO/.git" | cut -f1)
echo "repository: $REPO  commits=$n_commits  blobs(count bytes)=$n_blobs  git-log-p bytes=$log_bytes  .git bytes=$pack"

log "hyperfine"
rm -f "$WORK/history-hyperfine.json"  # hyperfine does not truncate an existing export
hyperfine --warmup 1 --runs "$RUNS" -i --output=pipe --export-json "$WORK/history-hyperfine.json" \
  -n palisade "$PAL_CMD" -n "git-log-p+rg" "$LOG_CMD" -n "all-blobs+rg" "$BLOBS_CMD"

log "peak RSS (GNU time -v)"
pal_rss=$(peak_rss_mib "${PAL[@]}")
echo "palisade --git-history peak RSS: ${pal_rss} MiB"

log "recall run"
REPORT="$WORK/history-report.json"
set +e
"$BIN" scan "$REPO" --scanners secrets --isolated --git-history --format json --output "$REPORT" --no-progress --fail-on critical
code=$?
set -e
if [ "$code" -gt 1 ]; then echo "error: palisade exited $code" >&2; exit "$code"; fi
python3 "$BENCH_DIR/recall.py" history "$HDIR/manifest.json" "$REPORT" --json "$WORK/history-recall.json"

python3 - "$WORK" "$pal_rss" "$n_commits" "$n_blobs" "$log_bytes" <<'EOF'
import json, statistics, sys
work, pal_rss, n_commits, n_blobs, log_bytes = sys.argv[1:]
res = {x["command"]: x for x in json.load(open(f"{work}/history-hyperfine.json"))["results"]}
med = {k: statistics.median(v["times"]) for k, v in res.items()}
cpu = {k: v["user"] + v["system"] for k, v in res.items()}
recall = json.load(open(f"{work}/history-recall.json"))
nb, bb = n_blobs.split()
out = {"commits": int(n_commits), "blobs": int(nb), "blob_bytes": int(bb), "git_log_p_bytes": int(log_bytes),
       "median_s": med, "cpu_s_mean": cpu, "palisade_peak_rss_mib": float(pal_rss),
       "ratio_palisade_vs_git_log_p_rg": med["palisade"] / med["git-log-p+rg"],
       "ratio_palisade_vs_all_blobs_rg": med["palisade"] / med["all-blobs+rg"],
       "recall": recall}
json.dump(out, open(f"{work}/history-results.json", "w"), indent=1)
print("\n================ git history benchmark ================")
print(f"repository: {n_commits} commits, {nb} blobs ({int(bb) / 2**20:.0f} MiB), git log -p: {int(log_bytes) / 2**20:.0f} MiB")
for k, v in med.items():
    print(f"{k:14} median {v:8.3f} s   CPU (user+sys, mean) {cpu[k]:8.3f} s")
print(f"ratio palisade / (git log --all -p | rg): {out['ratio_palisade_vs_git_log_p_rg']:.2f}")
print(f"ratio palisade / (every blob once | rg): {out['ratio_palisade_vs_all_blobs_rg']:.2f}")
print(f"palisade peak RSS: {float(pal_rss):.0f} MiB")
print(f"found with the introducing commit: {recall['found_with_commit']}/{recall['planted']}; "
      f"copies attributed to the first introduction: {recall['copies_ok']}/{recall['copies']}")
print(f"results: {work}/history-results.json")
EOF
