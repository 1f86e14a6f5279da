#!/usr/bin/env bash
# End-to-end throughput of `newslint check` on a synthetic JSONL corpus built
# from fixtures/ (plain and .zst), reported as MB/s, MB/s per core and as a
# ratio against reference runs in the same invocation (machines drift; ratios
# travel better than absolute times).
#
#   bench/throughput.sh [BUILD_DIR] [CORPUS_MB]      default: build 64
#
# Prints, for each run: seconds (best of 3), MB/s, MB/s per core,
# articles/s, peak RSS and the ratio against the read-only reference pass;
# the speed-up from 1 to all cores; the start-up (a run over one record);
# where taskset can pin, one job on each core alone and one pinned
# single-job process per core at once, and the all-jobs run's efficiency
# against the latter; .zst and .gz input; and
# whether the JSONL output is byte-identical with 1 and with all jobs. Last,
# records that carry a page instead of a text (`corpus.py html`, a quarter of
# CORPUS_MB): one job, and the read-only pass over the same records (for
# them, reading includes extracting each page's text, twice in a full run:
# the dataset rules' first pass reads the input again).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mb=${2:-64}
bin=$build/newslint
[[ -x $bin ]] || { echo "no $bin: run 'make build' first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 bench/corpus.py fixtures "$work/corpus.jsonl" "$mb"
zstd -q -3 "$work/corpus.jsonl" -o "$work/corpus.jsonl.zst" 2>/dev/null || true
bytes=$(stat -c %s "$work/corpus.jsonl")
records=$(wc -l < "$work/corpus.jsonl")
cores=$(nproc)

seconds() {  # "SECONDS RSS_KB" of a command: the best of 3 runs
  local best= best_rss=
  for _ in 1 2 3; do
    local out d m
    /usr/bin/time -o "$work/time.txt" -f '%e %M' "$@" > /dev/null 2>&1 || true
    out=$(tail -1 "$work/time.txt")
    d=${out% *}; m=${out#* }
    if [[ -z $best ]] || awk -v a="$d" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$d; best_rss=$m; fi
  done
  echo "$best $best_rss"
}
# Runs `seconds` and splits its answer into $t (seconds) and $rss (KB).
timed() { local r; r=$(seconds "$@"); t=${r% *}; rss=${r#* }; }

# References over the same bytes: counting lines (memory bandwidth) and
# newslint reading and parsing every record with only the input/* rules
# (the floor of any newslint run).
timed wc -l "$work/corpus.jsonl"; ref_wc=$t
timed "$bin" check "$work/corpus.jsonl" --no-config --jobs 1 --select input --format jsonl -o /dev/null --fail-on never; ref_read=$t; rss_read=$rss
timed "$bin" check "$work/corpus.jsonl" --no-config --jobs 1 --format jsonl -o /dev/null --fail-on never; one=$t; rss_one=$rss
timed "$bin" check "$work/corpus.jsonl" --no-config --jobs "$cores" --format jsonl -o /dev/null --fail-on never; all=$t; rss_all=$rss

awk -v r="$records" -v b="$bytes" -v c="$cores" 'BEGIN { printf "corpus: %d records, %.1f MB (fixtures/ repeated), %d cores\n", r, b/1e6, c }'
report() {  # name seconds jobs rss_kb
  awk -v n="$1" -v s="$2" -v j="$3" -v m="$4" -v b="$bytes" -v r="$ref_read" -v a="$records" 'BEGIN {
    if (s <= 0) {  # /usr/bin/time counts hundredths of a second
      printf "%-40s under 0.01 s: too fast to time at this corpus size\n", n
      exit
    }
    printf "%-40s %8.3f s %8.1f MB/s %8.1f MB/s/core %9.0f articles/s %7.1f MB RSS  %7.4f x read-only pass\n",
           n, s, b/1e6/s, b/1e6/s/j, a/s, m/1024, r/s }'
}
report "reference: wc -l" "$ref_wc" 1 0
report "reference: read only (--select input)" "$ref_read" 1 "$rss_read"
report "newslint check --jobs 1" "$one" 1 "$rss_one"
report "newslint check --jobs $cores" "$all" "$cores" "$rss_all"
awk -v a="$one" -v b="$all" -v c="$cores" 'BEGIN { printf "speed-up with %d jobs: %.2fx\n", c, a/b }'
# Start-up: a run over one record is almost all of it (reading the rules'
# lexicons, compiling the phrase automaton, loading Hunspell), which a CI
# job checking a small scrape pays on every run.
head -n 1 "$work/corpus.jsonl" > "$work/one.jsonl"
timed "$bin" check "$work/one.jsonl" --no-config --jobs 1 --format jsonl -o /dev/null --fail-on never
awk -v t="$t" -v m="$rss" 'BEGIN { printf "start-up: newslint check --jobs 1 on one record: %.3f s (best of 3), %.1f MB RSS\n", t, m/1024 }'
# The machine's own scaling, when taskset can pin: `--jobs 1` on each core
# alone (virtual cores of one machine can differ, and then which core a
# one-job run lands on decides its time), and one pinned `--jobs 1` process
# per core all at once (what the cores give this work together, with their
# shared caches and memory). The all-jobs run against the latter is the
# pipeline's own parallel efficiency; on equal cores N x that efficiency is
# its speed-up.
if command -v taskset > /dev/null && taskset -c 0 true 2> /dev/null; then
  per_core=()
  for ((c = 0; c < cores; c++)); do
    timed taskset -c "$c" "$bin" check "$work/corpus.jsonl" --no-config --jobs 1 --format jsonl -o /dev/null --fail-on never
    per_core+=("$t")
    report "newslint check --jobs 1, pinned to core $c" "$t" 1 "$rss"
  done
  # Three rounds, each the all-jobs run and then the pinned processes at
  # once, back to back: the machine's speed drifts between minutes, so each
  # round's ratio compares runs of the same minute; the median is printed.
  ratios=() togethers=()
  for _ in 1 2 3; do
    /usr/bin/time -o "$work/all.t" -f '%e' "$bin" check "$work/corpus.jsonl" --no-config \
      --jobs "$cores" --format jsonl -o /dev/null --fail-on never > /dev/null 2>&1 || true
    for ((c = 0; c < cores; c++)); do
      /usr/bin/time -o "$work/together.$c" -f '%e' taskset -c "$c" "$bin" check "$work/corpus.jsonl" \
        --no-config --jobs 1 --format jsonl -o /dev/null --fail-on never > /dev/null 2>&1 &
    done
    wait
    together=$(for ((c = 0; c < cores; c++)); do tail -1 "$work/together.$c"; done |
               awk -v b="$bytes" '{ s += b/1e6/$1 } END { printf "%.3f", s }')
    togethers+=("$together")
    ratios+=("$(awk -v b="$bytes" -v t="$(tail -1 "$work/all.t")" -v g="$together" \
                'BEGIN { printf "%.3f", b/1e6/t/g }')")
  done
  median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  printf '%s\n' "${per_core[@]}" | awk -v g="$(median "${togethers[@]}")" -v e="$(median "${ratios[@]}")" \
      -v all="${ratios[*]}" -v c="$cores" '
    { v[NR] = $1 } END {
      lo = v[1]; hi = v[1]; for (i in v) { if (v[i] < lo) lo = v[i]; if (v[i] > hi) hi = v[i] }
      printf "cores: the slowest took %.2fx the fastest one'"'"'s time with --jobs 1\n", hi/lo
      printf "%d pinned --jobs 1 processes at once: %.1f MB/s together (median of 3)\n", c, g
      printf "parallel efficiency of --jobs %d: %.3f, median of %s (its MB/s against theirs in the same\n", c, e, all
      printf "  minute; on equal cores, %d x the efficiency is the speed-up from one job)\n", c }'
fi
if [[ -f $work/corpus.jsonl.zst ]]; then
  timed "$bin" check "$work/corpus.jsonl.zst" --no-config --jobs "$cores" --format jsonl -o /dev/null --fail-on never
  report "newslint check .zst --jobs $cores" "$t" "$cores" "$rss"
fi
gzip -c -1 "$work/corpus.jsonl" > "$work/corpus.jsonl.gz"
timed "$bin" check "$work/corpus.jsonl.gz" --no-config --jobs "$cores" --format jsonl -o /dev/null --fail-on never
report "newslint check .gz --jobs $cores" "$t" "$cores" "$rss"
# Output independent of --jobs: byte-identical JSONL with 1 and with all jobs.
"$bin" check "$work/corpus.jsonl" --no-config --jobs 1 -o "$work/j1.jsonl" --fail-on never 2>/dev/null
"$bin" check "$work/corpus.jsonl" --no-config --jobs "$cores" -o "$work/jn.jsonl" --fail-on never 2>/dev/null
if cmp -s "$work/j1.jsonl" "$work/jn.jsonl"; then
  echo "jsonl output with --jobs 1 and --jobs $cores: byte-identical"
else
  echo "jsonl output with --jobs 1 and --jobs $cores: DIFFERENT"
fi
# Records carrying an HTML page (each clean-news fixture as a page).
html_mb=$(( mb / 4 > 0 ? mb / 4 : 1 ))
/usr/bin/python3 bench/corpus.py html "$work/pages.jsonl" "$html_mb"
bytes=$(stat -c %s "$work/pages.jsonl")
records=$(wc -l < "$work/pages.jsonl")
timed "$bin" check "$work/pages.jsonl" --no-config --jobs 1 --select input --format jsonl -o /dev/null --fail-on never; ref_read=$t
report "pages: read only (--select input)" "$t" 1 "$rss"
timed "$bin" check "$work/pages.jsonl" --no-config --jobs 1 --format jsonl -o /dev/null --fail-on never
report "pages: newslint check --jobs 1" "$t" 1 "$rss"
