#!/usr/bin/python3
"""Writes a JSONL corpus of news articles built from fixtures/, for measuring.

    bench/corpus.py KIND OUT MB [--no-titles]

KIND is `fixtures` (every .txt fixture as a record, in path order, repeated:
clean news and every kind of defect), `clean` (the clean-news fixtures,
three to a record, repeated: the text the rules must pass without a
finding) or `html` (each clean-news fixture as a page: a menu, its lines as
paragraphs, a footer; the records carry only the page, so reading them
means extracting the text). Records are {"id", "url", "title", "text"}
("html" in place of "text" for `html`, its <title> the title and the site's
name); the title is the text's first line, cut to twelve words, as a
scraper stores the headline (the rules read it: metadata/title-mismatch
compares it with the body). `--no-titles` leaves it out, as the corpora of
docs/performance.md's rounds before the twenty-fourth did. The file stops at the first record that brings
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


def headline(text):
    """The first non-blank line of `text`, cut to twelve words."""
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split()[:12])
    return ""


def main():
    args = [a for a in sys.argv[1:] if a != "--no-titles"]
    titles = len(args) == len(sys.argv) - 1
    if len(args) != 3 or args[0] not in ("fixtures", "clean", "html"):
        sys.exit(__doc__)
    kind, out, target = args[0], args[1], int(float(args[2]) * 1_000_000)
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
                title = (html.escape(headline(texts[i % len(texts)])) + " | Example News"
                         if titles else f"Story {i}")
                record["html"] = (
                    f"<html><head><title>{title}</title></head><body>"
                    '<nav><a href="/">Home</a> <a href="/world">World</a> '
                    '<a href="/sport">Sport</a></nav>'
                    f"<article>{paragraphs}</article><footer>Example News</footer></body></html>")
            else:
                record["text"] = texts[i % len(texts)]
            if titles and kind != "html":
                record = {"id": record["id"], "url": record["url"],
                          "title": headline(record["text"]), "text": record["text"]}
            line = json.dumps(record, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode())
            i += 1


if __name__ == "__main__":
    main()
