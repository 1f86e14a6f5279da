#!/usr/bin/env bash
# What two workers in one process cost against two single-job processes that
# share the same input between them (docs/performance.md, "Thirtieth round"
# and after): the part of `--jobs 2` falling short of 2x one job that comes
# from running threads of one process on two cores, rather than from the
# cores themselves.
#
#   bench/two_jobs.sh [BUILD_DIR] [CORPUS.jsonl] [ROUNDS] [-- EXTRA CHECK FLAGS]
#   bench/two_jobs.sh build /tmp/c100.jsonl 3
#   bench/two_jobs.sh build /tmp/c100.jsonl 3 -- --ignore dataset/duplicate-article
#
# Defaults: build, a 100 MB fixtures corpus made with bench/corpus.py, 3
# rounds. Each round runs, one after the other (in turn which goes first):
#   - `newslint check CORPUS --jobs 2`;
#   - two `--jobs 1` processes at once, one over each half of CORPUS's
#     records (the same records, so the same rule work, in two processes).
# and prints each side's CPU seconds (user + system, all threads) and wall
# seconds, and the ratio of the one process's CPU to the two processes'
# (above 1: two workers spend more CPU than two processes). With
# the two halves, the dataset rules see half the input each, so their
# tables are smaller than in the one process: pass `-- --ignore
# boilerplate/template-line,dataset/duplicate-article,metadata/missing-field`
# to compare without them. Last, the median ratio. No pinning: the kernel
# places the threads and processes as it would for a user.
set -euo pipefail
cd "$(dirname "$0")/.."
positional=()
while (( $# )) && [[ $1 != -- ]]; do
  positional+=("$1")
  shift
done
(( $# )) && shift  # the --
extra=("$@")
build=${positional[0]:-build}
corpus=${positional[1]:-}
rounds=${positional[2]:-3}
bin=$build/newslint
[[ -x $bin ]] || { echo "no $bin: run 'make build' first" >&2; exit 2; }
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "ROUNDS must be a positive number" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ -z $corpus ]]; then
  corpus=$work/corpus.jsonl
  /usr/bin/python3 bench/corpus.py fixtures "$corpus" 100
fi
[[ -r $corpus ]] || { echo "cannot read $corpus" >&2; exit 2; }
records=$(wc -l < "$corpus")
(( records >= 2 )) || { echo "$corpus has fewer than two records" >&2; exit 2; }
head -n $((records / 2)) "$corpus" > "$work/a.jsonl"
tail -n +$((records / 2 + 1)) "$corpus" > "$work/b.jsonl"

flags=(--no-config --fail-on never --format jsonl "${extra[@]}")
cpu() {  # "CPU WALL" of one command, from /usr/bin/time
  /usr/bin/time -o "$1" -f '%U %S %e' "${@:2}" > /dev/null 2>&1 || true
  awk '{printf "%.2f %.2f\n", $1 + $2, $3}' "$1"
}

one_process() {
  cpu "$work/t2" "$bin" check "$corpus" --jobs 2 "${flags[@]}" -o "$work/j2.jsonl" > "$work/c2"
}
two_processes() {
  cpu "$work/ta" "$bin" check "$work/a.jsonl" --jobs 1 "${flags[@]}" -o "$work/a.out" > "$work/ca" &
  cpu "$work/tb" "$bin" check "$work/b.jsonl" --jobs 1 "${flags[@]}" -o "$work/b.out" > "$work/cb" &
  wait
}

echo "corpus: $corpus ($records records, halves of $((records / 2)) and $((records - records / 2)))"
printf '%-6s %22s %30s %8s\n' round "one process, --jobs 2" "two processes, --jobs 1 each" ratio
ratios=()
for r in $(seq "$rounds"); do
  # The order alternates from round to round: on a shared machine the run
  # that goes second is often the slower one.
  if (( r % 2 )); then one_process; two_processes; else two_processes; one_process; fi
  read -r c2 w2 < "$work/c2"
  read -r ca wa < "$work/ca"
  read -r cb wb < "$work/cb"
  ratio=$(awk -v a="$c2" -v b="$ca" -v c="$cb" 'BEGIN { printf "%.3f", a / (b + c) }')
  ratios+=("$ratio")
  printf '%-6s %11s s CPU %5s s %14s s CPU %5s s %8s\n' "$r" "$c2" "$w2" \
    "$(awk -v b="$ca" -v c="$cb" 'BEGIN { printf "%.2f", b + c }')" \
    "$(awk -v b="$wa" -v c="$wb" 'BEGIN { printf "%.2f", (b > c ? b : c) }')" "$ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END {
  printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "median ratio of CPU (one process / two processes): $median over $rounds round(s)"
