#!/usr/bin/python3
"""Throughput of the Python module against the CLI on the same corpus.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_throughput.py \\
        [--build build] [--mb 32] [--jobs N] [--batch 1000]

Builds a synthetic JSONL corpus from fixtures/ (as bench/throughput.sh does),
then times, best of 3:
  cli       newslint check CORPUS --jobs N --format jsonl -o FILE
  dicts     Linter(jobs=N).lint_many(batch) over batches of --batch records
            already parsed into dicts (what a Dask/Spark partition holds)
  lines     the same from the raw JSONL lines (bytes), read from the file
            inside the timing
and prints MB/s for each and its ratio to the CLI's, in wall time and in CPU
time (the CLI's process, or this one with all its threads: on a shared
machine CPU time drifts less than wall time). Dataset rules are
ignored in the CLI run: they need the whole corpus and do not run in the
module (docs/python.md). The finding counts of all three must agree.
A benchmark, not a test: it asserts nothing about time.
"""

import argparse
import json
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def make_corpus(path, megabytes):
    texts = []
    for p in sorted((ROOT / "fixtures").rglob("*.txt")):
        lines = [l for l in p.read_text(encoding="utf-8", errors="replace").splitlines()
                 if not l.startswith("#!")]
        texts.append("\n".join(lines))
    target, written, i = megabytes * 1_000_000, 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while written < target:
            line = json.dumps({"id": f"a{i}", "url": f"https://site{i % 50}.example/a/{i}",
                               "title": f"Article {i}", "text": texts[i % len(texts)]},
                              ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode())
            i += 1
    return i


def cpu_seconds():
    """CPU time of this process (all its threads) and of its waited-for children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn):
    """(wall seconds, CPU seconds, result) of one call."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    result = fn()
    return time.perf_counter() - wall, cpu_seconds() - cpu, result


def batches(items, size):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default="build")
    parser.add_argument("--mb", type=int, default=32)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT / args.build / "python"))
    import newslint

    binary = ROOT / args.build / "newslint"
    with tempfile.TemporaryDirectory() as work:
        corpus = os.path.join(work, "corpus.jsonl")
        out = os.path.join(work, "out.jsonl")
        records = make_corpus(corpus, args.mb)
        size = os.path.getsize(corpus)
        linter = newslint.Linter(jobs=args.jobs)
        cmd = [str(binary), "check", corpus, "--no-config", "--jobs", str(args.jobs),
               "--format", "jsonl", "-o", out, "--fail-on", "never", "--no-progress"]
        if linter.dataset_rules:
            cmd += ["--ignore", ",".join(linter.dataset_rules)]

        def cli_output_findings():
            with open(out, encoding="utf-8") as f:
                return sum(len(json.loads(l)["findings"]) for l in f)

        with open(corpus, encoding="utf-8") as f:
            dicts = [json.loads(l) for l in f]

        def lint_dicts():
            return sum(len(r) for b in batches(dicts, args.batch) for r in linter.lint_many(b))

        def lint_lines():
            with open(corpus, "rb") as f:
                lines = f.read().split(b"\n")[:-1]
            return sum(len(r) for b in batches(lines, args.batch) for r in linter.lint_many(b))

        linter.lint_many(dicts[:args.batch])  # warm the workers (Hunspell per thread)
        # Interleaved, so that a busy minute on a shared machine hits all
        # three alike; the best wall and CPU time of each. The CLI's findings
        # are counted from its output after the timing.
        runs = {"cli": None, "dicts": lint_dicts, "lines": lint_lines}
        best = {name: [float("inf"), float("inf"), None] for name in runs}
        for _ in range(args.runs):
            for name, fn in runs.items():
                if name == "cli":
                    wall, cpu, _ = timed(lambda: subprocess.run(
                        cmd, check=True, stderr=subprocess.DEVNULL))
                    findings = cli_output_findings()
                else:
                    wall, cpu, findings = timed(fn)
                slot = best[name]
                slot[0], slot[1], slot[2] = min(slot[0], wall), min(slot[1], cpu), findings

    mb = size / 1e6
    print(f"corpus: {records} records, {mb:.1f} MB (fixtures/ repeated), jobs {args.jobs}, "
          f"batches of {args.batch}, best of {args.runs} interleaved")
    print(f"newslint {newslint.__version__}, Python {sys.version.split()[0]} ({sys.executable})")
    cli_wall, cli_cpu, _ = best["cli"]
    for name, label in (("cli", "cli: newslint check --jobs N"),
                        ("dicts", "python: lint_many(dicts)"),
                        ("lines", "python: lint_many(jsonl lines)")):
        wall, cpu, findings = best[name]
        print(f"{label:32} {wall:7.2f} s {mb / wall:6.2f} MB/s {cli_wall / wall:6.3f} x cli | "
              f"{cpu:7.2f} CPU s {mb / cpu:6.2f} MB/CPU-s {cli_cpu / cpu:6.3f} x cli | "
              f"{findings} findings")
    counts = {best[name][2] for name in best}
    if len(counts) != 1:
        print("finding counts differ between the CLI and the module", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
