# Shared helpers for bench/*.sh (sourced, not run).
# shellcheck shell=bash

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
WORK="${WORK:-$BENCH_DIR/work}"
BIN="$ROOT/target/release/palisade"
mkdir -p "$WORK"

# One benchmark at a time per WORK directory: two concurrent runs would share the generated
# inputs and result files, and would time each other.
exec 9>"$WORK/.lock"
if ! flock -n 9; then
  echo "another benchmark is running in $WORK; waiting for it" >&2
  flock 9
fi

log() { printf '\n== %s\n' "$*" >&2; }

# ripgrep, hyperfine and GNU time from Debian packages when missing.
ensure_tools() {
  local missing=()
  command -v rg >/dev/null || missing+=(ripgrep)
  command -v hyperfine >/dev/null || missing+=(hyperfine)
  [ -x /usr/bin/time ] || missing+=(time)
  command -v git >/dev/null || missing+=(git)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

build_palisade() {
  log "cargo build --release -p palisade"
  (cd "$ROOT" && cargo build --release -p palisade)
  [ -x "$BIN" ] || { echo "error: $BIN not built" >&2; exit 1; }
}

# Every rule's `keywords` from crates/palisade-secrets/rules/*.toml, lowercased, one a line.
extract_keywords() {
  local out="$1"
  python3 - "$ROOT/crates/palisade-secrets/rules" >"$out" <<'EOF'
import glob, os, sys, tomllib
kws = set()
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.toml"))):
    with open(f, "rb") as fh:
        for r in tomllib.load(fh).get("rule", []):
            kws.update(k.lower() for k in r.get("keywords", []))
print("\n".join(sorted(kws)))
EOF
  log "$(wc -l <"$out") keywords from $(ls "$ROOT"/crates/palisade-secrets/rules/*.toml | wc -l) rule files -> $out"
}

# Peak resident set size in MiB of a command (GNU time), exit code ignored.
peak_rss_mib() {
  local tf
  tf="$(mktemp)"
  /usr/bin/time -v -o "$tf" "$@" >/dev/null 2>&1 || true
  awk -F: '/Maximum resident set size/ {printf "%.1f\n", $2/1024}' "$tf"
  rm -f "$tf"
}

machine_info() {
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  free -h | sed 's/^/free: /'
  echo "loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "palisade: $("$BIN" --version 2>/dev/null | head -1) (git $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null), uncommitted crates/ diff sha256 $(git -C "$ROOT" diff HEAD -- crates | sha256sum | cut -c1-12), untracked crates/ files: $(git -C "$ROOT" status --porcelain -- crates | grep -c '^??'))"
  echo "ripgrep: $(rg --version | head -1)"
  echo "hyperfine: $(hyperfine --version)"
  echo "git: $(git --version)"
}
