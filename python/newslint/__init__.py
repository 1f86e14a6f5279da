"""newslint: a linter for scraped news, in-process.

The engine of the ``newslint`` command, compiled into this module (no
subprocess)::

    import newslint
    linter = newslint.Linter(config_path=None, select=None, ignore=None, jobs=None)
    linter.lint({"url": "https://example.com/a", "title": "...", "text": "..."})
    # -> [{"rule": "garbled/mojibake", "severity": "error", "message": ...,
    #      "span": {"start": 40, "end": 43}, "line": 1, "column": 41,
    #      "excerpt": ..., "evidence": {...}, "fix": {...} or None}, ...]
    linter.lint_many(records)   # one list per record, in order; GIL released

Each finding is the dict ``newslint check --format jsonl`` writes for the same
record. Records are dicts shaped like JSONL input records, or str/bytes JSONL
lines. Dataset rules (``linter.dataset_rules``: duplicate articles, template
lines, missing fields by site) need the whole corpus and stay silent here.
See docs/python.md for the API, Dask, PySpark and Ray examples.
"""

from ._newslint import Linter, __version__

__all__ = ["Linter", "__version__"]
