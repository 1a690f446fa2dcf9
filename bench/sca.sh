#!/usr/bin/env bash
# SCA benchmarks: import every advisory of the shared OSV data, scan every shared lockfile
# at once against that database, and SBOM generation against cyclonedx-py (CycloneDX's own
# Python generator, offline-capable) on the same lockfiles, interleaved by hyperfine.
#
#   bench/sca.sh            # full run
#   ROUNDS=1 bench/sca.sh   # quick
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS="${ROUNDS:-5}"
SHARED="${PALISADE_SHARED_DATA:-$ROOT/../shared/data}"
[ -d "$SHARED/osv" ] || { echo "error: shared data not found at $SHARED" >&2; exit 1; }

ensure_tools
build_palisade

# cyclonedx-py from PyPI in a virtual environment of the bench folder.
VENV="$WORK/venv-cdx"
if [ ! -x "$VENV/bin/cyclonedx-py" ]; then
  log "installing cyclonedx-bom into $VENV"
  python3 -m venv "$VENV" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null; python3 -m venv "$VENV"; }
  "$VENV/bin/pip" install -q cyclonedx-bom
fi
CDX_VERSION="$("$VENV/bin/pip" show cyclonedx-bom | awk '/^Version/ {print $2}')"

DB="$WORK/sca-bench.sqlite"
LOCKS="$WORK/sca-lockfiles"
rm -rf "$LOCKS" && cp -r "$SHARED/lockfiles" "$LOCKS"

log "import every advisory of $SHARED/osv into a fresh database"
hyperfine --warmup 1 --runs "$ROUNDS" --export-json "$WORK/sca-import.json" \
  --prepare "rm -f $DB $DB-wal $DB-shm" \
  "$BIN --db $DB db import $SHARED/osv"
"$BIN" --db "$DB" db import "$SHARED/osv" "$SHARED/kev/known_exploited_vulnerabilities.json" >/dev/null 2>&1
ADVISORIES="$(wc -l < <(cat "$SHARED"/osv/*.jsonl))"

log "scan every shared lockfile at once (warm)"
PACKAGES="$("$BIN" sbom "$LOCKS" --isolated --format cyclonedx-json 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["components"]))')"
hyperfine --warmup 1 --runs "$ROUNDS" --export-json "$WORK/sca-scan.json" \
  "$BIN --db $DB scan $LOCKS --scanners sca --isolated --format json --output /dev/null --no-progress --fail-on critical --exit-zero"

log "SBOM: palisade sbom vs cyclonedx-py on the same lockfiles"
REQ="$LOCKS/requirements.txt/warehouse/requirements"
# Poetry 1.x layout: cyclonedx-py 7.5 cannot read the Poetry 2 project ([project] table).
POETRY="$LOCKS/poetry.lock/poetry-lock-version-1.1"
hyperfine --warmup 1 --runs "$ROUNDS" --export-json "$WORK/sca-sbom-requirements.json" \
  "$BIN sbom $REQ/main.txt --isolated --format cyclonedx-json --output /dev/null -q" \
  "$VENV/bin/cyclonedx-py requirements $REQ/main.txt --output-file /dev/null"
hyperfine --warmup 1 --runs "$ROUNDS" --export-json "$WORK/sca-sbom-poetry.json" \
  "$BIN sbom $POETRY --isolated --format cyclonedx-json --output /dev/null -q" \
  "$VENV/bin/cyclonedx-py poetry $POETRY --output-file /dev/null"

python3 - "$WORK" "$ADVISORIES" "$PACKAGES" "$CDX_VERSION" <<'PY'
import json, sys
work, advisories, packages, cdx = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def means(name):
    return [r["mean"] for r in json.load(open(f"{work}/{name}.json"))["results"]]
imp = means("sca-import")[0]
scan = means("sca-scan")[0]
req = means("sca-sbom-requirements")
poe = means("sca-sbom-poetry")
out = {
    "advisories": advisories,
    "import_seconds": imp,
    "advisories_per_second": advisories / imp,
    "packages": packages,
    "scan_seconds": scan,
    "sbom_requirements_ratio": req[0] / req[1],
    "sbom_poetry_ratio": poe[0] / poe[1],
    "cyclonedx_bom_version": cdx,
}
json.dump(out, open(f"{work}/sca-results.json", "w"), indent=2)
print(json.dumps(out, indent=2))
PY
