#!/usr/bin/python3
"""Writes one-record JSONL files of hostile shapes, for measuring how a
record's cost grows with its length when the record is not news.

    bench/shapes.py OUTDIR BYTES

A rule or view that walks all of something for each of something (every
mention for every cue, the rest of a run of marks for every mark) costs
nothing on a 5 KB article and hours on a record of several megabytes, the
size --max-record-bytes (8 MiB) lets through. Each file holds one record
whose text, about BYTES bytes long, repeats one shape:

    brackets       "(((((..."                       garbled/unbalanced-brackets
    quote-run      "““““...””””..."                 the Quotations view
    open-quotes    "““““..." never closed           garbled/unbalanced-quotes
    transcript     "“We will go,” said Ab Cd." per paragraph, every
                   speaker another person             Attribution, People,
                                                      attribution/*
    names-said     "Ab Cd said the plan would work."  People
    name-lists     "Ab Cd, Ef Gh and Ij Kl met Mr Mn. He said she said."
                                                      pronoun cues
    blank-lines    "\\n" only                        lines, PageLayout
    one-word       "aaaa..." without a space          tokens, spelling
    one-line-talk  "“a b c d e f g,” he said." with no line break: one
                   paragraph of thousands of quotations   Quotations::At,
                                                      Attribution
    mark-soup      quotation marks, apostrophes, spaces and "a" at random
                                                      unattributed-quote
    markup         <div class="x"><a href="/y">Z</a></div> on one line
                                                      garbled/html-residue

Names are random letters (seeded: the same arguments give the same bytes).
Time each with, for example,

    for f in OUTDIR/*.jsonl; do /usr/bin/time -f "$f %e s %M KB" \\
      newslint check $f -j1 --no-config --fail-on never --format jsonl -o /dev/null; done

and compare two sizes: a linear step takes ten times as long for ten times
the bytes. docs/performance.md ("Cost against article length") has the
figures.
"""
import json
import pathlib
import random
import string
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    out = pathlib.Path(sys.argv[1])
    size = int(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261201)

    def name():
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(6)).capitalize()

    def repeat(make):
        parts, length = [], 0
        while length < size:
            part = make()
            parts.append(part)
            length += len(part)
        return "".join(parts)[:size]

    shapes = {
        "brackets": "(" * size,
        "quote-run": "\u201C" * (size // 6) + "\u201D" * (size // 6),
        "open-quotes": "\u201C" * (size // 3),
        "transcript": repeat(lambda: f"\u201CWe will go,\u201D said {name()} {name()}.\n\n"),
        "names-said": repeat(lambda: f"{name()} {name()} said the plan would work. "),
        "name-lists": repeat(
            lambda: f"{name()} {name()}, {name()} {name()} and {name()} {name()} met "
            f"Mr {name()}. He said she said. "),
        "blank-lines": "\n" * size,
        "one-word": "a" * size,
        "one-line-talk": repeat(
            lambda: "\u201C" + " ".join(name().lower() for _ in range(7)) + ",\u201D he said. "),
        "mark-soup": "".join(rng.choice(["\"", "'", "\u2018", "\u2019", "\u201C", "\u201D", " ", "a"])
                             for _ in range(size // 2)),
        "markup": repeat(lambda: f'<div class="{name().lower()}"><a href="/{name().lower()}">'
                                 f"{name()}</a></div>"),
    }
    for shape, text in shapes.items():
        record = {"id": shape, "url": f"https://example.com/{shape}", "title": shape, "text": text}
        (out / f"{shape}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
