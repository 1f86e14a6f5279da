#!/bin/bash
# contrib/slurm on a real one-node Slurm cluster, run by ctest (slurm_cluster).
#
#   slurm_cluster_test.sh NEWSLINT_BINARY SOURCE_DIR
#
# As root, starts munged, slurmctld and slurmd on localhost from Debian's
# slurm-wlm and munge, with everything (slurm.conf, munge key and socket,
# state, spool, logs, pid files) in one mktemp folder and ports found free,
# so it never touches /etc/slurm, /etc/munge or a cluster already running.
# Then, over a corpus generated from fixtures/ (JSONL files, one .gz, HTML
# pages, names with spaces), it submits newslint-slurm with 2 and with 3
# tasks and checks that each merged report equals a single local
# `newslint check` of the same inputs: every summary count (articles,
# findings by rule, severity, family and site, budgets; not timings), every
# article record, the sample, the rules; the merged JSONL is byte for byte
# the single run's JSONL; the HTML page is there. Then it deletes one part
# and checks that --resume reruns that shard alone and merges the same
# report again, and that it refuses to resume over changed inputs. A trap
# stops the jobs and the daemons and removes the folder on every way out.
#
# Exits 77 (ctest: skipped), with the reason, only when it cannot be root
# (not root and no password-less sudo) or the packages are missing and
# cannot be installed. NEWSLINT_SLURM_KEEP=1 keeps the folder (logs).

set -uo pipefail

SKIP=77
say() { printf 'slurm_cluster: %s\n' "$*"; }
fail() {
  say "FAILED: $*" >&2
  exit 1
}

[[ $# == 2 ]] || { sed -n '2,24p' "$0"; exit 2; }
newslint=$(readlink -f -- "$1")
source_dir=$(readlink -f -- "$2")
[[ -x $newslint ]] || fail "no newslint binary at '$1'"
launcher=$source_dir/contrib/slurm/newslint-slurm

if [[ $(id -u) != 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    exec sudo -n -E /bin/bash "$0" "$newslint" "$source_dir"
  fi
  say "SKIPPED: a Slurm cluster needs root (slurmd, munged), and sudo is not available without a password"
  exit $SKIP
fi

daemons=(munged slurmctld slurmd sbatch squeue sinfo scontrol scancel)
missing() {
  local d
  for d in "${daemons[@]}"; do
    PATH=$PATH:/usr/sbin:/sbin command -v "$d" >/dev/null || return 0
  done
  return 1
}
if missing; then
  say "installing slurm-wlm and munge (make test installs them: TEST_DEPS)"
  if ! { apt-get -o DPkg::Lock::Timeout=300 update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
      --no-install-recommends slurm-wlm munge; } >/dev/null 2>&1 || missing; then
    say "SKIPPED: Debian's slurm-wlm and munge are not installed and cannot be installed here"
    exit $SKIP
  fi
fi
export PATH=$PATH:/usr/sbin:/sbin

# A job environment (this test run inside a Slurm job) must not leak into
# our sbatch calls.
while IFS='=' read -r name _; do
  [[ $name == SLURM_* || $name == SBATCH_* ]] && unset "$name"
done < <(env)

work=$(mktemp -d /tmp/newslint-slurm-test.XXXXXX) || fail "mktemp"
chmod 755 "$work"
export SLURM_CONF=$work/etc/slurm.conf

pid_of() { [[ -s $work/run/$1.pid ]] && cat -- "$work/run/$1.pid"; }
stop() {  # stop NAME: TERM, up to 15 s, then KILL
  local pid i
  pid=$(pid_of "$1") || return 0
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 150; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null
}
cleanup() {
  local rc=$? i
  trap - EXIT
  if [[ -n $(pid_of slurmctld) ]]; then
    # Jobs first: killing slurmd leaves running job steps behind.
    squeue -h -o %A 2>/dev/null | sort -u | xargs -r scancel 2>/dev/null
    for ((i = 0; i < 150; i++)); do
      [[ -z $(squeue -h -o %A 2>/dev/null) ]] && break
      sleep 0.1
    done
  fi
  if ((rc != 0 && rc != SKIP)); then
    for log in "$work"/log/*.log "$work"/out*/logs/*.log; do
      [[ -f $log ]] && { echo "--- $log (end)"; tail -n 15 -- "$log"; }
    done
  fi
  stop slurmd
  stop slurmctld
  stop munged
  if [[ ${NEWSLINT_SLURM_KEEP:-} == 1 ]]; then
    say "kept $work"
  else
    rm -rf -- "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

mkdir -p "$work"/{etc,run,munge,log,state,spool} || fail "mkdir"
chmod 755 "$work/munge"

# --- munge: its own key and socket ------------------------------------------
dd if=/dev/urandom of="$work/munge/munge.key" bs=128 count=1 status=none || fail "munge key"
chmod 400 "$work/munge/munge.key"
munge_socket=$work/munge/munge.socket
munged --force --socket="$munge_socket" --key-file="$work/munge/munge.key" \
  --pid-file="$work/run/munged.pid" --log-file="$work/log/munged.log" \
  --seed-file="$work/munge/munged.seed" || fail "munged did not start"

# --- slurm.conf: one node, this machine ---------------------------------------
read -r ctld_port slurmd_port < <(/usr/bin/python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')
[[ -n $slurmd_port ]] || fail "no free ports"
# slurmd -C prints this machine's node line (NodeName = hostname -s, CPUs,
# sockets, cores, threads). RealMemory is left out: a node that registers
# less memory than configured would be drained, and no job asks for memory.
node_line=$(slurmd -C | grep '^NodeName=' | sed 's/ RealMemory=[0-9]*//')
[[ -n $node_line ]] || fail "slurmd -C printed no node line"
node=${node_line%% *}
node=${node#NodeName=}
cat >"$SLURM_CONF" <<EOF
ClusterName=newslinttest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$munge_socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
# No cgroups: processes are tracked by their parent, tasks not confined.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MailProg=/bin/true
# Finished jobs stay in scontrol for their state and exit code (there is
# no accounting, so no sacct).
MinJobAge=3600
$node_line State=UNKNOWN NodeAddr=127.0.0.1
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start"
slurmd -f "$SLURM_CONF" || fail "slurmd did not start"

state=""
for ((i = 0; i < 600; i++)); do
  state=$(sinfo -h -N -n "$node" -o %T 2>/dev/null)
  [[ $state == idle ]] && break
  sleep 0.1
done
[[ $state == idle ]] || fail "node $node is not idle after 60 s (state: '${state:-no answer}')"
say "cluster up: node $node, slurmctld :$ctld_port, slurmd :$slurmd_port"

# --- a corpus from fixtures/ ---------------------------------------------------
# Every fixture record (JSONL lines as they are, broken ones too; text files
# as {"text"}, HTML pages as {"html"}) ten times under other ids, spread
# over JSONL files (one gzip) and HTML pages, about 4 MB; some names have
# spaces. Duplicates across files make the dataset rules work across shards.
cd -- "$work" || fail "cd $work"
/usr/bin/python3 - "$source_dir/fixtures" "$work" <<'EOF' || fail "could not generate the corpus"
import gzip, json, os, shutil, sys
fixtures, work = sys.argv[1], sys.argv[2]
records, pages = [], []
for root, dirs, files in os.walk(fixtures):
    dirs.sort()
    for name in sorted(files):
        path = os.path.join(root, name)
        rel = os.path.relpath(path, fixtures)
        with open(path, "rb") as f:
            data = f.read()
        if name.endswith(".jsonl"):
            records += [line for line in data.split(b"\n") if line.strip()]
        elif name.endswith(".txt"):
            records.append(json.dumps({"id": rel, "url": "https://txt.example/" + rel,
                                       "text": data.decode("utf-8", "replace")}).encode())
        elif name.endswith(".html"):
            records.append(json.dumps({"id": rel, "url": "https://html.example/" + rel,
                                       "html": data.decode("utf-8", "replace")}).encode())
            pages.append(path)
copies = 10
out = [[] for _ in range(6)]
n = 0
for copy in range(copies):
    for line in records:
        try:
            rec = json.loads(line)
            if isinstance(rec, dict) and copy > 0:
                rec["id"] = "%s#copy%d" % (rec.get("id", ""), copy)
                line = json.dumps(rec, ensure_ascii=False).encode()
        except ValueError:
            pass  # a broken record stays broken: input/* findings
        out[n % len(out)].append(line)
        n += 1
corpus = os.path.join(work, "corpus dir")
os.makedirs(os.path.join(corpus, "pages"))
names = ["a wire feed.jsonl", "b.jsonl", "c.jsonl", "d.jsonl", "e.jsonl.gz"]
for name, lines in zip(names, out):
    data = b"\n".join(lines) + b"\n"
    opener = gzip.open if name.endswith(".gz") else open
    with opener(os.path.join(corpus, name), "wb") as f:
        f.write(data)
with open(os.path.join(work, "extra file.jsonl"), "wb") as f:
    f.write(b"\n".join(out[-1]) + b"\n")
for i, page in enumerate(pages):
    shutil.copy(page, os.path.join(corpus, "pages", "page %02d.html" % i))
EOF
inputs=("corpus dir" "extra file.jsonl")
corpus_bytes=$(du -cb -- "${inputs[@]}" | tail -n 1 | cut -f 1)
say "corpus: $corpus_bytes bytes in $(find "${inputs[@]}" -type f | wc -l) files"

# A config with a budget every shard and the whole run break: the tasks must
# still succeed (a shard's exit 1 is not a failure) and the merge job must
# fail its gate on the merged counts (exit 1), with --fail-on never.
mkdir -p "$work/conf dir"
cat >"$work/conf dir/newslint.toml" <<'EOF'
[budgets]
"dataset" = 0.01
EOF
config="$work/conf dir/newslint.toml"
check_args=(--config "$config" --ignore garbled/spelling)

# --- the single local run: what every merged report must equal ----------------
"$newslint" check "${check_args[@]}" --fail-on never --no-progress \
  --format json -o single.json --format jsonl -o single.jsonl -- "${inputs[@]}" 2>single.log
rc=$?
[[ $rc == 1 ]] || fail "the single run should exit 1 (dataset budget broken), got $rc: $(tail -n 3 single.log)"

job_field() {  # job_field JOBID FIELD: a field of `scontrol show job -o`
  scontrol show job -o "$1" 2>/dev/null | head -n 1 | tr ' ' '\n' | sed -n "s/^$2=//p"
}
array_tasks() {  # array_tasks JOBID: "index state exit" of each finished task, sorted
  scontrol show job -o "$1" 2>/dev/null |
    sed -n 's/.* ArrayTaskId=\([^ ]*\) .* JobState=\([^ ]*\) .* ExitCode=\([^ ]*\) .*/\1 \2 \3/p' | sort -n
}
expect_tasks() {  # expect_tasks JOBID INDEX...: exactly these tasks ran, each exit 0
  local want="" index
  for index in "${@:2}"; do want+="$index COMPLETED 0:0"$'\n'; done
  [[ $(array_tasks "$1") == "${want%$'\n'}" ]] ||
    fail "array job $1: tasks $(array_tasks "$1" | paste -sd ';'), expected ${*:2}, each COMPLETED 0:0"
}
# Waits are bounded so that the whole test ends, with its teardown, well
# inside ctest's TIMEOUT (600 s): a run here takes about 10 s.
wait_job() {  # wait_job JOBID TIMEOUT_S: until it leaves squeue
  local i
  for ((i = 0; i < $2 * 5; i++)); do
    [[ -z $(squeue -h -j "$1" -o %i 2>/dev/null) ]] && return 0
    sleep 0.2
  done
  return 1
}

# compare_reports DIR: DIR's merged reports against the single run.
compare_reports() {
  local dir=$1
  [[ -s $dir/report.html ]] || fail "$dir/report.html was not written"
  grep -q '<html' "$dir/report.html" || fail "$dir/report.html is not an HTML page"
  cmp -s single.jsonl "$dir/report.jsonl" ||
    fail "$dir/report.jsonl differs from the single run's JSONL ($(cmp single.jsonl "$dir/report.jsonl" 2>&1))"
  /usr/bin/python3 - single.json "$dir/report.json" <<'EOF' || fail "$dir/report.json differs from the single run's"
import json, sys
single, merged = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
timing = ("elapsed_seconds", "mb_per_second", "mb_per_second_per_core", "jobs")
bad = []
for key in sorted(set(single["summary"]) | set(merged["summary"])):
    if key in timing:
        continue
    if single["summary"].get(key) != merged["summary"].get(key):
        bad.append("summary.%s: single %s, merged %s" % (key, json.dumps(single["summary"].get(key))[:200],
                                                         json.dumps(merged["summary"].get(key))[:200]))
for key in ("articles", "sample"):
    if single[key] != merged[key]:
        bad.append(key + " differ")
for key in ("inputs", "rules"):
    if single["run"][key] != merged["run"][key]:
        bad.append("run." + key + " differ")
s = single["summary"]
if s["articles"] < 3000 or not s["by_rule"] or not s["by_site"] or not s["budgets"]:
    bad.append("the single run is too small to compare: %d articles" % s["articles"])
if "garbled/spelling" in merged["run"]["rules"]:
    bad.append("--ignore garbled/spelling did not reach the tasks")
if not any(b["broken"] for b in merged["summary"]["budgets"]):
    bad.append("the dataset budget of --config is not broken in the merged report")
for line in bad:
    print("  " + line)
print("  %d articles, %d findings, %d rules, %d sites: %s" % (
    merged["summary"]["articles"], merged["summary"]["findings"], len(merged["summary"]["by_rule"]),
    len(merged["summary"]["by_site"]), "differ" if bad else "equal to the single run"))
sys.exit(1 if bad else 0)
EOF
}

# run_array N: newslint-slurm with N tasks, wait, check.
run_array() {
  local n=$1 dir="$work/out $1" ids array_id merge_id started k
  started=$(date +%s%N)
  ids=$("$launcher" --tasks "$n" --out "$dir" --newslint "$newslint" --fail-on never \
    --config "$config" --ignore garbled/spelling --time 10:00 "${inputs[@]}") ||
    fail "newslint-slurm --tasks $n failed"
  array_id=$(sed -n 1p <<<"$ids") merge_id=$(sed -n 2p <<<"$ids")
  [[ $array_id =~ ^[0-9]+$ && $merge_id =~ ^[0-9]+$ ]] || fail "newslint-slurm printed '$ids', not two job ids"
  [[ $(job_field "$merge_id" Dependency) == afterok:${array_id}_* ]] ||
    fail "merge job $merge_id does not wait for $array_id: $(job_field "$merge_id" Dependency)"
  wait_job "$merge_id" 120 || fail "merge job $merge_id still queued after 120 s"
  say "$n tasks: $((($(date +%s%N) - started) / 1000000)) ms from submit to merged report"
  # Every index once, each exit 0: also the shards whose budget broke.
  expect_tasks "$array_id" $(seq 0 $((n - 1)))
  for ((k = 1; k <= n; k++)); do
    [[ -f $dir/part-$k.ok && -f $dir/part-$k.json && -f $dir/part-$k.jsonl ]] ||
      fail "shard $k/$n left no complete part in $dir"
  done
  # The merge ran (not cancelled by a failed task) and its gate tripped on
  # the broken budget: exit 1.
  [[ $(job_field "$merge_id" JobState) == FAILED && $(job_field "$merge_id" ExitCode) == 1:0 ]] ||
    fail "merge job $merge_id: $(job_field "$merge_id" JobState) exit $(job_field "$merge_id" ExitCode), expected FAILED exit 1:0 (budget broken)"
  compare_reports "$dir"
}

run_array 2
run_array 3

# --- --resume: one lost part, one shard rerun -----------------------------------
dir="$work/out 3"
rm -f -- "$dir/part-2.json" "$dir/report.json" "$dir/report.jsonl"
before=$(stat -c %Y.%y -- "$dir/part-1.json" "$dir/part-3.json")
ids=$("$launcher" --resume --out "$dir" --fail-on never) || fail "newslint-slurm --resume failed"
array_id=$(sed -n 1p <<<"$ids") merge_id=$(sed -n 2p <<<"$ids")
wait_job "$merge_id" 120 || fail "resumed merge job $merge_id still queued after 120 s"
expect_tasks "$array_id" 1  # array index 1 = shard 2/3 alone
[[ $before == "$(stat -c %Y.%y -- "$dir/part-1.json" "$dir/part-3.json")" ]] ||
  fail "--resume rewrote shards that were complete"
[[ $(job_field "$merge_id" ExitCode) == 1:0 ]] || fail "resumed merge job $merge_id: exit $(job_field "$merge_id" ExitCode)"
compare_reports "$dir"
say "--resume reran shard 2/3 alone"
# Inputs changed since the plan: the slices would not be the same ones.
touch -d '+1 minute' -- "extra file.jsonl"
rm -f -- "$dir/part-1.ok"
message=$("$launcher" --resume --out "$dir" --fail-on never 2>&1)
rc=$?
[[ $rc == 2 && $message == *"inputs changed"* ]] ||
  fail "--resume over changed inputs should refuse (exit 2), got $rc: $message"
say "passed"
