#!/usr/bin/env bash
# End-to-end throughput of `newslint check` on a synthetic JSONL corpus built
# from fixtures/ (plain and .zst), reported as MB/s, MB/s per core and as a
# ratio against reference runs in the same invocation (machines drift; ratios
# travel better than absolute times).
#
#   bench/throughput.sh [BUILD_DIR] [CORPUS_MB]      default: build 64
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mb=${2:-64}
bin=$build/newslint
[[ -x $bin ]] || { echo "no $bin: run 'make build' first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$work/corpus.jsonl" "$mb" <<'PY'
import json, pathlib, sys
out, target = sys.argv[1], int(sys.argv[2]) * 1_000_000
texts = []
for p in sorted(pathlib.Path("fixtures").rglob("*.txt")):
    lines = [l for l in p.read_text(encoding="utf-8", errors="replace").splitlines()
             if not l.startswith("#!")]
    texts.append("\n".join(lines))
written, i = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while written < target:
        line = json.dumps({"id": f"a{i}", "url": f"https://site{i % 50}.example/a/{i}",
                           "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n"
        f.write(line)
        written += len(line.encode())
        i += 1
PY
zstd -q -3 "$work/corpus.jsonl" -o "$work/corpus.jsonl.zst" 2>/dev/null || true
bytes=$(stat -c %s "$work/corpus.jsonl")
records=$(wc -l < "$work/corpus.jsonl")
cores=$(nproc)

seconds() {  # wall seconds of a command, best of 3
  local best=
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; t1=$(date +%s.%N)
    best=$(echo "$t0 $t1 $best" | awk '{d=$2-$1; if ($3=="" || d<$3) print d; else print $3}')
  done
  echo "$best"
}

ref_wc=$(seconds wc -l "$work/corpus.jsonl")
one=$(seconds "$bin" check "$work/corpus.jsonl" --no-config --jobs 1 --format jsonl -o /dev/null --fail-on never)
all=$(seconds "$bin" check "$work/corpus.jsonl" --no-config --jobs "$cores" --format jsonl -o /dev/null --fail-on never)

awk -v r="$records" -v b="$bytes" -v c="$cores" 'BEGIN { printf "corpus: %d records, %.1f MB (fixtures/ repeated), %d cores\n", r, b/1e6, c }'
report() {  # name seconds jobs
  awk -v n="$1" -v s="$2" -v j="$3" -v b="$bytes" -v r="$ref_wc" -v a="$records" 'BEGIN {
    printf "%-34s %8.3f s %9.1f MB/s %9.1f MB/s/core %10.0f articles/s  %6.4f x wc -l\n",
           n, s, b/1e6/s, b/1e6/s/j, a/s, r/s }'
}
report "reference: wc -l" "$ref_wc" 1
report "newslint check --jobs 1" "$one" 1
report "newslint check --jobs $cores" "$all" "$cores"
if [[ -f $work/corpus.jsonl.zst ]]; then
  zst=$(seconds "$bin" check "$work/corpus.jsonl.zst" --no-config --jobs "$cores" --format jsonl -o /dev/null --fail-on never)
  report "newslint check .zst --jobs $cores" "$zst" "$cores"
fi
