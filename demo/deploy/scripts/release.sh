#!/usr/bin/env bash
# Cut a release: tag it on GitHub, build and push the image, roll the deployment.
# Usage: deploy/scripts/release.sh 1.4.0
set -euo pipefail

VERSION="${1:?usage: release.sh VERSION}"
REPO="vitals-org/vitals-gateway"
IMAGE="registry.internal/vitals-gateway:${VERSION}"
GITHUB_TOKEN="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"

cd "$(dirname "$0")/../.."

curl -fsS -X POST \
  -H "Authorization: token ${GITHUB_TOKEN}" \
  -H "Accept: application/vnd.github+json" \
  "https://api.github.com/repos/${REPO}/releases" \
  -d "{\"tag_name\": \"v${VERSION}\", \"name\": \"v${VERSION}\"}"

docker build -t "${IMAGE}" .
docker push "${IMAGE}"

kubectl -n clinical create secret generic vitals-env \
  --from-env-file=config/production.env --dry-run=client -o yaml | kubectl apply -f -
kubectl -n clinical set image deployment/vitals-gateway api="${IMAGE}"
kubectl -n clinical rollout status deployment/vitals-gateway --timeout=5m
