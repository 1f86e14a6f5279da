"""The Python module against the CLI (ctest: python_module; docs/python.md).

Run with the system interpreter, the one Debian's python3-pytest and
python3-dask serve:

    PYTHONPATH=build/python NEWSLINT_BINARY=build/newslint \\
        /usr/bin/python3 -m pytest -q tests/python

Every expected finding comes from the newslint binary (`check --format
jsonl`) on the same records, never from the module under test. Dataset rules
need the whole corpus and stay silent in the module, so the CLI runs with
them ignored.
"""

import glob
import json
import os
import pickle
import subprocess
import threading
import time

import pytest

import newslint

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("NEWSLINT_BINARY", os.path.join(ROOT, "build", "newslint"))

# fixtures/corpus/*.jsonl and other JSONL fixtures of many shapes: author
# lists, dates, links, invisible characters, hostile and invalid UTF-8.
FIXTURES = sorted(glob.glob(os.path.join(ROOT, "fixtures", "corpus", "*.jsonl"))) + [
    os.path.join(ROOT, "fixtures", name)
    for name in (
        "report/hostile.jsonl",
        "report/snapshot-input/articles.jsonl",
        "metadata/byline-not-a-person.jsonl",
        "metadata/implausible-date.jsonl",
        "metadata/title-mismatch.jsonl",
        "links/links.jsonl",
        "garbled/invisible-characters.jsonl",
        "garbled/truncated.jsonl",
        "boilerplate/template-line.jsonl",
        "dataset/duplicate-article.jsonl",
    )
]

# Selections to compare under: the default set, and one with the off-by-default
# quality rules and an ignore.
SELECTIONS = [
    dict(select=None, ignore=None),
    dict(select=["quality", "garbled", "metadata", "links"], ignore=["garbled/spelling"]),
]


def cli_findings(paths, select=None, ignore=None, config=None, stdin=None):
    """Findings per record of `newslint check --format jsonl` on `paths`."""
    cmd = [BINARY, "check", *paths, "--format", "jsonl", "--fail-on", "never", "--no-progress"]
    cmd += ["--config", config] if config else ["--no-config"]
    if select:
        cmd += ["--select", ",".join(select)]
    if ignore:
        cmd += ["--ignore", ",".join(ignore)]
    out = subprocess.run(cmd, input=stdin, capture_output=True, check=True).stdout
    return [json.loads(line)["findings"] for line in out.decode("utf-8").splitlines()]


def without_dataset_rules(linter, ignore):
    return list(ignore or []) + linter.dataset_rules


def read_lines(path):
    with open(path, "rb") as f:
        return f.read().split(b"\n")[:-1]


def as_record(line):
    """A dict as json.loads makes it; the raw line when Python cannot decode it."""
    try:
        return json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return line


@pytest.fixture(scope="module")
def default_linter():
    return newslint.Linter(jobs=2)


def test_package():
    assert newslint.__version__.count(".") == 2
    assert "Linter" in newslint.__doc__
    assert newslint.Linter.lint.__doc__


@pytest.mark.parametrize("selection", SELECTIONS, ids=["default", "quality-select"])
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: os.path.relpath(p, ROOT))
def test_findings_equal_cli(path, selection):
    linter = newslint.Linter(**selection)
    expected = cli_findings(
        [path], selection["select"], without_dataset_rules(linter, selection["ignore"]))
    lines = read_lines(path)
    assert len(expected) == len(lines)
    for number, (line, want) in enumerate(zip(lines, expected), 1):
        assert linter.lint(as_record(line)) == want, f"{path}#{number} (dict)"
        assert linter.lint(line) == want, f"{path}#{number} (raw line)"
    assert linter.lint_many(as_record(line) for line in lines) == expected


def test_findings_exist_to_compare(default_linter):
    # The comparison above would pass on a linter that finds nothing: make
    # sure the corpus does draw findings of several rules.
    rules = set()
    for path in FIXTURES:
        for findings in default_linter.lint_many(read_lines(path)):
            rules.update(f["rule"] for f in findings)
    assert {"garbled/mojibake", "garbled/html-residue", "input/invalid-utf8"} <= rules
    assert len(rules) >= 8


def test_dataset_rules_silent_as_with_them_ignored(default_linter):
    # The module has no corpus: its findings are the CLI's with the dataset
    # rules ignored.
    assert "dataset/duplicate-article" in default_linter.dataset_rules
    assert "boilerplate/template-line" in default_linter.dataset_rules
    path = os.path.join(ROOT, "fixtures", "dataset", "duplicate-article.jsonl")
    with open(path, "rb") as f:
        data = f.read()
    expected = cli_findings(["-"], ignore=default_linter.dataset_rules, stdin=data)
    assert default_linter.lint_many(read_lines(path)) == expected
    # ... and the CLI over the whole input, a file or stdin (which it copies
    # to read twice), does flag the copy, which the module cannot.
    from_file = cli_findings([path])
    assert any(f["rule"] == "dataset/duplicate-article" for r in from_file for f in r)
    # (the same findings, the file's name "-" where they cite another record)
    as_stdin = json.loads(json.dumps(from_file).replace(json.dumps(path)[1:-1], "-"))
    assert cli_findings(["-"], stdin=data) == as_stdin


def test_config_file_as_cli(tmp_path):
    config = tmp_path / "newslint.toml"
    config.write_text(
        '[lint]\nignore = ["garbled/stray-punctuation"]\n\n'
        '[rules."garbled/mojibake"]\nseverity = "info"\n')
    linter = newslint.Linter(config_path=str(config))
    assert "garbled/stray-punctuation" not in linter.rules
    assert "garbled/mojibake" in linter.rules
    path = os.path.join(ROOT, "fixtures", "corpus", "wire-sample.jsonl")
    expected = cli_findings([path], config=str(config), ignore=linter.dataset_rules)
    got = linter.lint_many(read_lines(path))
    assert got == expected
    severities = {f["severity"] for r in got for f in r if f["rule"] == "garbled/mojibake"}
    assert severities == {"info"}


def cli_error(*args):
    run = subprocess.run([BINARY, "check", *args, os.path.join(ROOT, "fixtures", "corpus")],
                         capture_output=True)
    assert run.returncode == 2
    return run.stderr.decode("utf-8").strip()


def test_errors_raise_value_error_with_cli_message(tmp_path):
    with pytest.raises(ValueError) as e:
        newslint.Linter(select=["garbled", "nope"])
    assert str(e.value) == "unknown rule or family 'nope' (see `newslint rules`)"
    assert cli_error("--select", "garbled,nope") == "newslint: " + str(e.value)

    with pytest.raises(ValueError) as e:
        newslint.Linter(ignore="no-such-family")
    assert "no-such-family" in str(e.value)

    missing = str(tmp_path / "missing.toml")
    with pytest.raises(ValueError) as e:
        newslint.Linter(config_path=missing)
    assert missing in str(e.value)
    assert cli_error("--config", missing) == "newslint: " + str(e.value)

    bad = tmp_path / "bad.toml"
    bad.write_text('[rules."garbled/mojibake"]\nno-such-option = 1\n')
    with pytest.raises(ValueError) as e:
        newslint.Linter(config_path=str(bad))
    assert "no-such-option" in str(e.value)
    assert cli_error("--config", str(bad)) == "newslint: " + str(e.value)

    with pytest.raises(ValueError):
        newslint.Linter(jobs=0)


# Records the JSONL reader must survive, each with the input/* finding it
# yields (written by hand from the reader's rules), or None for "no input/*".
ODD_RECORDS = [
    ({"title": "No text here", "url": "https://example.com/a"}, "input/missing-text"),
    ({"text": 12}, "input/missing-text"),
    ({"text": None, "title": "Null text"}, "input/missing-text"),
    ({"text": ["a", "list"]}, "input/missing-text"),
    ({}, "input/missing-text"),
    ([1, 2, 3], "input/invalid-json"),
    ("not json at all", "input/invalid-json"),
    ("", "input/invalid-json"),
    (b'{"text": "cut off', "input/invalid-json"),
    ({"text": "Officials met on Monday.", "title": 5, "url": 7, "id": 3.5,
      "authors": [{"name": "Ann Lee"}, 4, None], "date": True, "links": [1, {"href": 2}]},
     None),
    ({"maintext": "The council met on Tuesday and approved the budget.", "text": None}, None),
]


def odd_line(record):
    if isinstance(record, bytes):
        return record
    if isinstance(record, str):
        return record.encode("utf-8")
    return json.dumps(record).encode("utf-8")


def test_odd_records_as_cli(default_linter):
    records = [r for r, _ in ODD_RECORDS]
    stdin = b"".join(odd_line(r) + b"\n" for r in records)
    expected = cli_findings(["-"], ignore=default_linter.dataset_rules, stdin=stdin)
    assert len(expected) == len(records)
    got = default_linter.lint_many(records)
    assert got == expected
    for record, (findings, (_, input_rule)) in zip(records, zip(got, ODD_RECORDS)):
        assert default_linter.lint(record) == findings
        input_rules = [f["rule"] for f in findings if f["rule"].startswith("input/")]
        assert input_rules == ([input_rule] if input_rule else []), record
    assert got[1][0]["message"] == "field 'text' is a number, not a string"


def test_bad_arguments(default_linter):
    with pytest.raises(ValueError):
        default_linter.lint("{}\n{}")  # two lines are two records
    with pytest.raises(TypeError):
        default_linter.lint({"text": object()})
    with pytest.raises(TypeError):
        newslint.Linter(select=[1])


def corpus_records():
    records = []
    for path in FIXTURES:
        records += [as_record(line) for line in read_lines(path)]
    return records


def test_lint_many_order_and_equality():
    linter = newslint.Linter(jobs=4)
    records = corpus_records()
    records = records + records[::-1]
    one_by_one = [linter.lint(r) for r in records]
    assert linter.lint_many(records) == one_by_one
    assert linter.lint_many(iter(records)) == one_by_one
    assert linter.lint_many([]) == []
    # Text-only records of distinct lengths: each result must be its own.
    texts = [{"text": "x" * n + " didnâ€™t"} for n in range(1, 60)]
    for n, findings in enumerate(linter.lint_many(texts), 1):
        assert [f["span"] for f in findings if f["rule"] == "garbled/mojibake"] == \
            [{"start": n + 5, "end": n + 13}]


def test_lint_text(default_linter):
    text = "It didnâ€™t rain in Geneva on Monday."
    assert default_linter.lint_text(text, title="Rain", url="https://example.com/x") == \
        default_linter.lint({"text": text, "title": "Rain", "url": "https://example.com/x"})
    assert [f["rule"] for f in default_linter.lint_text(text)] == ["garbled/mojibake"]


def test_lint_many_releases_the_gil():
    linter = newslint.Linter(jobs=1)
    batch = corpus_records() * 4
    stamps = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            stamps.append(time.monotonic())
            time.sleep(0.001)

    # A batch long enough that a held GIL would show as one long gap.
    while True:
        start = time.monotonic()
        linter.lint_many(batch)
        if time.monotonic() - start > 0.3:
            break
        batch = batch * 2
    thread = threading.Thread(target=tick)
    thread.start()
    time.sleep(0.05)
    start = time.monotonic()
    linter.lint_many(batch)
    end = time.monotonic()
    stop.set()
    thread.join()
    inside = [t for t in stamps if start <= t <= end]
    points = [start] + inside + [end]
    longest_gap = max(b - a for a, b in zip(points, points[1:]))
    assert len(inside) > 10
    assert longest_gap < (end - start) / 2


def test_pickle_round_trip(default_linter):
    copy = pickle.loads(pickle.dumps(newslint.Linter(select="garbled,links", jobs=3)))
    assert copy.jobs == 3
    assert copy.rules and all(r.startswith(("garbled/", "links/")) for r in copy.rules)


def load_line(line):
    """A line of dask.bag.read_text as a record: a dict, or the line's bytes."""
    raw = line.encode("utf-8", "surrogateescape")
    if raw.endswith(b"\n"):
        raw = raw[:-1]
    return as_record(raw)


def lint_partition(records):
    # One Linter per partition: it is made where the partition is processed.
    linter = newslint.Linter(select=["garbled", "boilerplate", "links", "metadata"], jobs=2)
    return linter.lint_many(records)


def test_dask_bag_pipeline(tmp_path):
    import dask.bag as db

    sources = [os.path.join(ROOT, "fixtures", p) for p in (
        "corpus/wire-sample.jsonl", "report/snapshot-input/articles.jsonl",
        "metadata/byline-not-a-person.jsonl", "garbled/truncated.jsonl",
        "report/hostile.jsonl")]
    lines = [line for path in sources for line in read_lines(path)]
    shards = []
    for k in range(3):
        shard = tmp_path / f"part-{k}.jsonl"
        shard.write_bytes(b"".join(line + b"\n" for line in lines[k::3]))
        shards.append(str(shard))

    # as_record keeps a line json.loads rejects as the line itself (the
    # corpus has bad JSON and invalid UTF-8): it gets its input/* finding.
    bag = db.read_text(str(tmp_path / "part-*.jsonl"), encoding="utf-8",
                       errors="surrogateescape").map(load_line)
    assert bag.npartitions == 3
    got = bag.map_partitions(lint_partition).compute(scheduler="processes", num_workers=2)

    probe = newslint.Linter(select=["garbled", "boilerplate", "links", "metadata"])
    expected = cli_findings(shards, ["garbled", "boilerplate", "links", "metadata"],
                            probe.dataset_rules)
    assert len(got) == len(lines)
    assert got == expected
    rules = {f["rule"] for findings in got for f in findings}
    assert {"garbled/mojibake", "input/invalid-json", "input/invalid-utf8"} <= rules
