#!/usr/bin/env bash
# Secrets scanner throughput, memory and recall: palisade vs ripgrep over the same keywords.
#
#   bench/secrets.sh                       # 500 MiB corpus, seed 1, 3 rounds of 5 runs each
#   SIZE_MB=50 ROUNDS=1 bench/secrets.sh   # quick
#
# Env: SIZE_MB (500), SEED (1), ROUNDS (3), RUNS (5 per command per round), WORK (bench/work),
#      SKIP_BUILD=1 to use the existing target/release/palisade.
#
# What it does, in one run:
#   1. installs ripgrep, hyperfine and GNU time from Debian packages if missing;
#   2. cargo build --release -p palisade;
#   3. generates the corpus with bench/gen_corpus.py unless the same parameters already exist;
#   4. extracts every rule's `keywords` from crates/palisade-secrets/rules/*.toml;
#   5. ROUNDS hyperfine rounds (--warmup 1 --runs RUNS -i), each timing
#        palisade scan CORPUS --scanners secrets --isolated --format json --output /dev/null --no-progress --fail-on critical
#        rg -i -F -c --hidden -f keywords.txt CORPUS
#      with the order swapped every round; the ratio is taken per round (same conditions)
#      and the median over rounds is reported;
#   6. peak RSS of both (GNU time -v);
#   7. one palisade run with --output FILE and bench/recall.py against the manifest.
# Figures are printed and written to WORK/secrets-results.json.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SIZE_MB="${SIZE_MB:-500}"
SEED="${SEED:-1}"
ROUNDS="${ROUNDS:-3}"
RUNS="${RUNS:-5}"
CDIR="$WORK/corpus-${SIZE_MB}mb-seed${SEED}"
CORPUS="$CDIR/tree"
KW="$WORK/keywords.txt"

ensure_tools
[ "${SKIP_BUILD:-0}" = 1 ] || build_palisade

# The corpus is regenerated only when its parameters or the generator changed.
STAMP="size=$SIZE_MB seed=$SEED gen=$(sha256sum "$BENCH_DIR/gen_corpus.py" | cut -c1-16)"
if [ ! -f "$CDIR/manifest.json" ] || [ "$(cat "$CDIR/.stamp" 2>/dev/null)" != "$STAMP" ]; then
  log "generating corpus ($STAMP)"
  rm -rf "$CDIR"
  python3 "$BENCH_DIR/gen_corpus.py" --out "$CDIR" --size-mb "$SIZE_MB" --seed "$SEED"
  echo "$STAMP" >"$CDIR/.stamp"
else
  log "corpus exists: $CDIR ($STAMP)"
fi
extract_keywords "$KW"

PAL=("$BIN" scan "$CORPUS" --scanners secrets --isolated --format json --output /dev/null --no-progress --fail-on critical)
RG=(rg -i -F -c --hidden -f "$KW" "$CORPUS")
PAL_CMD="${PAL[*]}"
RG_CMD="${RG[*]}"

machine_info | tee "$WORK/secrets-machine.txt"
n_files=$(find "$CORPUS" -type f | wc -l)
n_bytes=$(du -sb "$CORPUS" | cut -f1)
rg_files=$(rg --files --hidden "$CORPUS" | wc -l)
echo "corpus: $CORPUS  files=$n_files  bytes=$n_bytes  (files ripgrep walks: $rg_files)"

for r in $(seq 1 "$ROUNDS"); do
  log "round $r/$ROUNDS"
  if [ $((r % 2)) = 1 ]; then order=(-n ripgrep "$RG_CMD" -n palisade "$PAL_CMD"); else order=(-n palisade "$PAL_CMD" -n ripgrep "$RG_CMD"); fi
  rm -f "$WORK/secrets-hyperfine-$r.json"  # hyperfine does not truncate an existing export
  hyperfine --warmup 1 --runs "$RUNS" -i --output=pipe --export-json "$WORK/secrets-hyperfine-$r.json" "${order[@]}"
done

log "peak RSS (GNU time -v)"
pal_rss=$(peak_rss_mib "${PAL[@]}")
rg_rss=$(peak_rss_mib "${RG[@]}")
echo "palisade peak RSS: ${pal_rss} MiB   ripgrep peak RSS: ${rg_rss} MiB"

log "recall run"
REPORT="$WORK/secrets-report.json"
set +e
"$BIN" scan "$CORPUS" --scanners secrets --isolated --format json --output "$REPORT" --no-progress --fail-on critical
code=$?
set -e
if [ "$code" -gt 1 ]; then echo "error: palisade exited $code" >&2; exit "$code"; fi
python3 "$BENCH_DIR/recall.py" corpus "$CDIR/manifest.json" "$REPORT" --json "$WORK/secrets-recall.json"

python3 - "$WORK" "$ROUNDS" "$pal_rss" "$rg_rss" "$n_files" "$n_bytes" "$SIZE_MB" "$SEED" <<'EOF'
import json, statistics, sys
work, rounds, pal_rss, rg_rss, n_files, n_bytes, size_mb, seed = sys.argv[1:]
rows, ratios, cpu_ratios, all_t = [], [], [], {"palisade": [], "ripgrep": []}
cpu = {"palisade": [], "ripgrep": []}
for r in range(1, int(rounds) + 1):
    res = {x["command"]: x for x in json.load(open(f"{work}/secrets-hyperfine-{r}.json"))["results"]}
    med = {k: statistics.median(v["times"]) for k, v in res.items()}
    for k, v in res.items():
        all_t[k] += v["times"]
        cpu[k].append(v["user"] + v["system"])
    ratios.append(med["palisade"] / med["ripgrep"])
    cpu_ratios.append(cpu["palisade"][-1] / cpu["ripgrep"][-1])
    rows.append((r, med["ripgrep"], med["palisade"], ratios[-1], cpu_ratios[-1]))
recall = json.load(open(f"{work}/secrets-recall.json"))
out = {
    "corpus": {"size_mb": int(size_mb), "seed": int(seed), "files": int(n_files), "bytes": int(n_bytes)},
    "rounds": [{"round": r, "ripgrep_median_s": a, "palisade_median_s": b, "ratio": c, "cpu_ratio": d}
               for r, a, b, c, d in rows],
    "ripgrep_cpu_s_mean": statistics.mean(cpu["ripgrep"]),
    "palisade_cpu_s_mean": statistics.mean(cpu["palisade"]),
    "cpu_ratio_median_of_rounds": statistics.median(cpu_ratios),
    "ripgrep_median_s": statistics.median(all_t["ripgrep"]),
    "palisade_median_s": statistics.median(all_t["palisade"]),
    "ratio_median_of_rounds": statistics.median(ratios),
    "palisade_peak_rss_mib": float(pal_rss), "ripgrep_peak_rss_mib": float(rg_rss),
    "recall": recall,
}
json.dump(out, open(f"{work}/secrets-results.json", "w"), indent=1)
mib = int(n_bytes) / 2**20
print("\n================ secrets benchmark ================")
print(f"corpus: {n_files} files, {mib:.0f} MiB, seed {seed}")
for r, a, b, c, d in rows:
    print(f"round {r}: ripgrep {a:.3f} s   palisade {b:.3f} s   ratio {c:.2f}   (CPU time ratio {d:.2f})")
print(f"ripgrep median  : {out['ripgrep_median_s']:.3f} s  ({mib / out['ripgrep_median_s']:.0f} MiB/s)")
print(f"palisade median : {out['palisade_median_s']:.3f} s  ({mib / out['palisade_median_s']:.0f} MiB/s)")
print(f"ratio palisade/ripgrep (median of per-round ratios): {out['ratio_median_of_rounds']:.2f}   (target <= 2.0)")
print(f"CPU time (user+sys) per run: ripgrep {out['ripgrep_cpu_s_mean']:.2f} s, palisade {out['palisade_cpu_s_mean']:.2f} s,"
      f" ratio {out['cpu_ratio_median_of_rounds']:.2f} (less sensitive to other load than wall time)")
print(f"palisade peak RSS: {float(pal_rss):.0f} MiB   (target < 200)   ripgrep: {float(rg_rss):.0f} MiB")
print(f"recall: {recall['found']}/{recall['planted']} planted secrets"
      f" ({100 * recall['recall']:.1f}%), {sum(recall['unplanted_findings'].values())} findings on no planted secret")
print(f"results: {work}/secrets-results.json")
EOF
