#!/usr/bin/env bash
# IaC benchmark: palisade's iac and pipeline scanners against Checkov on the same files.
#
#   bench/iac.sh                # COPIES=200 generated module sets + real CloudFormation
#   COPIES=500 bench/iac.sh
#
# Corpus (built under $WORK, never in the repository):
#   - real CloudFormation: the templates cfn-lint ships as its "good" test fixtures
#     (cfn-lint 1.34.2 sdist from PyPI: several hundred templates written by AWS users);
#   - generated at scale: COPIES copies of the demo's Terraform module, Kubernetes
#     manifests, Dockerfile and GitHub workflows, with every resource and file renamed per
#     copy, so each copy is parsed and evaluated from scratch.
# Both tools run once on the whole corpus; wall time and peak RSS come from /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${WORK:-$(mktemp -d)}
COPIES=${COPIES:-200}
CHECKOV_VERSION=3.3.30

if [ ! -x "$WORK/venv/bin/checkov" ]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q "checkov==$CHECKOV_VERSION"
fi
CORPUS="$WORK/corpus"
if [ ! -d "$CORPUS" ]; then
  mkdir -p "$CORPUS/cfn" "$WORK/dl"
  "$WORK/venv/bin/pip" download -q cfn-lint==1.34.2 --no-deps --no-binary :all: -d "$WORK/dl"
  tar -xzf "$WORK/dl"/cfn_lint-1.34.2.tar.gz -C "$WORK/dl"
  n=0
  while IFS= read -r f; do
    n=$((n + 1))
    cp "$f" "$CORPUS/cfn/t$n.${f##*.}"
  done < <(find "$WORK/dl/cfn_lint-1.34.2/test/fixtures/templates/good" -type f \( -name '*.yaml' -o -name '*.json' \) | sort)
  for i in $(seq 1 "$COPIES"); do
    d="$CORPUS/gen/m$i"
    mkdir -p "$d/terraform" "$d/k8s" "$d/.github/workflows"
    for f in main.tf variables.tf outputs.tf; do
      sed "s/\"reports\"/\"reports$i\"/; s/\"gateway\"/\"gateway$i\"/; s/\"telemetry\"/\"telemetry$i\"/" \
        "demo/deploy/terraform/$f" > "$d/terraform/$f"
    done
    sed "s/vitals-gateway/vitals-gateway-$i/" demo/deploy/k8s/deployment.yaml > "$d/k8s/deployment.yaml"
    cp demo/deploy/k8s/service.yaml "$d/k8s/service.yaml"
    sed "s/8080/$((8000 + i % 1000))/" demo/Dockerfile > "$d/Dockerfile"
    cp demo/.github/workflows/ci.yml demo/.github/workflows/lint.yml "$d/.github/workflows/"
  done
fi
files=$(find "$CORPUS" -type f | wc -l)
bytes=$(du -sb "$CORPUS" | cut -f1)
echo "corpus: $files files, $bytes bytes ($CORPUS)"

cargo build --release -q
PAL="$ROOT/target/release/palisade"
run() { # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || true
  # A non-zero exit adds a "Command exited" line before the figures.
  read -r secs kb < <(tail -1 "$WORK/$name.time")
  echo "$name: ${secs}s, peak RSS $((kb / 1024)) MB"
}
run palisade "$PAL" scan "$CORPUS" --isolated --scanners iac,pipeline --no-progress -f json --exit-zero
run checkov "$WORK/venv/bin/checkov" -d "$CORPUS" --quiet --compact -o json \
  --framework terraform kubernetes dockerfile cloudformation github_actions gitlab_ci \
  --skip-download
p=$(tail -1 "$WORK/palisade.time" | cut -d' ' -f1); c=$(tail -1 "$WORK/checkov.time" | cut -d' ' -f1)
python3 - "$WORK" <<'PY'
import json, sys, pathlib
w = pathlib.Path(sys.argv[1])
p = json.loads((w / "palisade.out").read_text())
print(f"palisade: {len(p['findings'])} findings, {p['coverage']['files_scanned']} files scanned")
try:
    c = json.loads((w / "checkov.out").read_text())
    c = c if isinstance(c, list) else [c]
    failed = sum(r.get("summary", {}).get("failed", 0) for r in c)
    parsed = sum(r.get("summary", {}).get("resource_count", 0) for r in c)
    print(f"checkov: {failed} failed checks, {parsed} resources")
except Exception as e:  # noqa: BLE001
    print(f"checkov output not read: {e}")
PY
python3 -c "import sys; p, c = float(sys.argv[1]), float(sys.argv[2]); print(f'palisade is {c / max(p, 0.001):.1f}x faster than Checkov')" "$p" "$c"
