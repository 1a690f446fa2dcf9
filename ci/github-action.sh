#!/usr/bin/env bash
# The steps of palisade's GitHub Action (action.yml). Every input arrives in an environment
# variable. Usage: github-action.sh scan|upload|gate
set -euo pipefail

case "${1:-}" in
scan)
  args=(scan --no-progress -f terminal -f "sarif:${PALISADE_SARIF:-palisade.sarif}"
    --fail-on "${PALISADE_FAIL_ON:-high}")
  if [ -n "${PALISADE_SCANNERS:-}" ]; then args+=(--scanners "$PALISADE_SCANNERS"); fi
  if [ -n "${PALISADE_POLICY:-}" ]; then args+=(--policy "$PALISADE_POLICY"); fi
  read -r -a paths <<< "${PALISADE_PATHS:-.}"
  if [ "${#paths[@]}" -eq 0 ]; then paths=(.); fi
  set +e
  "${PALISADE_BIN:-palisade}" "${args[@]}" -- "${paths[@]}"
  code=$?
  set -e
  echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
  # A failed gate (1) is applied by the last step, after the upload; a usage error (2) or
  # a scanner failure (3) stops here.
  if [ "$code" -ge 2 ]; then exit "$code"; fi
  ;;
upload)
  sarif="${PALISADE_SARIF:-palisade.sarif}"
  if [ ! -s "$sarif" ]; then
    echo "palisade: no SARIF report at $sarif; nothing to upload" >&2
    exit 1
  fi
  : "${GITHUB_TOKEN:?a token is needed to upload SARIF}"
  : "${GITHUB_REPOSITORY:?}" "${GITHUB_SHA:?}" "${GITHUB_REF:?}"
  body=$(mktemp)
  trap 'rm -f "$body"' EXIT
  {
    printf '{"commit_sha":"%s","ref":"%s","tool_name":"palisade","sarif":"' "$GITHUB_SHA" "$GITHUB_REF"
    gzip -c "$sarif" | base64 -w0
    printf '"}'
  } > "$body"
  # The token goes in a header read from stdin, so it never appears in a process list.
  printf 'Authorization: Bearer %s\n' "$GITHUB_TOKEN" | curl --fail-with-body -sS -X POST \
    -H @- \
    -H "Accept: application/vnd.github+json" \
    -H "X-GitHub-Api-Version: 2022-11-28" \
    --data-binary "@$body" \
    "${GITHUB_API_URL:-https://api.github.com}/repos/$GITHUB_REPOSITORY/code-scanning/sarifs"
  echo
  ;;
gate)
  code="${PALISADE_EXIT:-3}"
  if [ "$code" -ne 0 ]; then
    echo "palisade: gate failed (exit code $code); see the scan step and code scanning" >&2
  fi
  exit "$code"
  ;;
*)
  echo "usage: $0 scan|upload|gate" >&2
  exit 2
  ;;
esac
