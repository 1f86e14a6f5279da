#!/usr/bin/python3
"""Writes a JSONL corpus of news articles built from fixtures/, for measuring.

    bench/corpus.py KIND OUT MB

KIND is `fixtures` (every .txt fixture as a record, in path order, repeated:
clean news and every kind of defect), `clean` (the clean-news fixtures,
three to a record, repeated: the text the rules must pass without a
finding) or `html` (each clean-news fixture as a page: a menu, its lines as
paragraphs, a footer; the records carry only the page, so reading them
means extracting the text). Records are {"id", "url", "text"} ("html" in
place of "text" for `html`); the file stops at the first record that brings
it to MB megabytes (10^6 bytes). The same arguments give the same bytes, so
figures in docs/performance.md can be reproduced:

    bench/corpus.py fixtures /tmp/corpus500.jsonl 500   # the issue's 500 MB
    bench/corpus.py fixtures /tmp/corpus5.jsonl 5
    bench/corpus.py clean /tmp/clean5.jsonl 5
    bench/corpus.py html /tmp/html2.jsonl 2
"""
import html
import json
import pathlib
import sys


def fixture_text(path):
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(l for l in lines if not l.startswith("#!"))


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("fixtures", "clean", "html"):
        sys.exit(__doc__)
    kind, out, target = sys.argv[1], sys.argv[2], int(float(sys.argv[3]) * 1_000_000)
    root = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
    files = sorted((root if kind == "fixtures" else root / "clean").rglob("*.txt"))
    texts = [fixture_text(p) for p in files]
    written, i = 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while written < target:
            record = {"id": f"a{i}", "url": f"https://site{i % 50}.example/a/{i}"}
            if kind == "clean":
                record["text"] = "\n\n".join(texts[(3 * i + k) % len(texts)] for k in range(3))
            elif kind == "html":
                paragraphs = "".join(f"<p>{html.escape(l)}</p>"
                                     for l in texts[i % len(texts)].splitlines() if l.strip())
                record["html"] = (
                    f"<html><head><title>Story {i}</title></head><body>"
                    '<nav><a href="/">Home</a> <a href="/world">World</a> '
                    '<a href="/sport">Sport</a></nav>'
                    f"<article>{paragraphs}</article><footer>Example News</footer></body></html>")
            else:
                record["text"] = texts[i % len(texts)]
            line = json.dumps(record, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode())
            i += 1


if __name__ == "__main__":
    main()
