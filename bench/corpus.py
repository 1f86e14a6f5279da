#!/usr/bin/python3
"""Writes a JSONL corpus of news articles built from fixtures/, for measuring.

    bench/corpus.py KIND OUT MB [--no-titles] [--links]

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
docs/performance.md's rounds before the twenty-fourth did. `--links` adds
to each text record the `links` a scraper stores beside the text, as a news
page has them (about fifty: the site's menu, share buttons, a few sources
cited in the story, related stories, the footer), all of them clean; the
links/* rules read them. The file stops at the first record that brings
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
import re
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


SECTIONS = ["world", "politics", "business", "markets", "technology", "science",
            "health", "sport", "culture", "opinion", "weather", "video"]
SOURCES = ["https://www.reuters.com/world/", "https://apnews.com/article/",
           "https://www.sec.gov/news/press-release/", "https://www.who.int/news/item/",
           "https://data.worldbank.org/indicator/", "https://www.nature.com/articles/",
           "https://www.bls.gov/news.release/", "https://eur-lex.europa.eu/legal-content/"]
SHARE = [("https://www.facebook.com/sharer/sharer.php?u=", "Share on Facebook"),
         ("https://twitter.com/intent/tweet?url=", "Share on X"),
         ("https://www.linkedin.com/sharing/share-offsite/?url=", "Share on LinkedIn"),
         ("https://api.whatsapp.com/send?text=", "Share on WhatsApp"),
         ("mailto:?subject=Story&body=", "Email")]
FOOTER = [("/about", "About us"), ("/contact", "Contact"), ("/privacy", "Privacy policy"),
          ("/terms", "Terms of use"), ("/cookies", "Cookie settings"), ("/advertise", "Advertise"),
          ("/careers", "Careers"), ("/newsletters", "Newsletters"),
          ("https://www.example-media-group.com/", "Example Media Group"),
          ("https://help.example-media-group.com/corrections", "Corrections")]


def page_links(i, url, text, headlines):
    """The links of a clean news page around `text`: menu, share buttons,
    sources cited in the story (anchors are words of the text), related
    stories (other records' headlines) and the footer."""
    site = url.split("/a/")[0]
    links = [{"href": "/", "text": "Home", "region": "nav"}]
    for k, s in enumerate(SECTIONS):
        href = f"/{s}" if k % 2 else f"{site}/{s}"
        links.append({"href": href, "text": s.capitalize(), "region": "nav"})
    for base, label in SHARE:
        links.append({"href": base + url, "text": label, "region": "aside"})
    words = re.findall(r"[A-Za-z][A-Za-z'-]+", text)
    for k in range(6):
        if len(words) < 4:
            break
        start = (i * 7 + k * 37) % max(1, len(words) - 4)
        anchor = " ".join(words[start:start + 2 + (i + k) % 3])
        links.append({"href": f"{SOURCES[(i + k) % len(SOURCES)]}{i}-{k}",
                      "text": anchor, "region": "body"})
    for k in range(8):
        j = (i + 1 + k * 13) % len(headlines)
        links.append({"href": f"{site}/a/{j}", "text": headlines[j], "region": "aside"})
    for href, label in FOOTER:
        links.append({"href": href, "text": label, "region": "footer"})
    return links


def main():
    flags = {"--no-titles", "--links"}
    args = [a for a in sys.argv[1:] if a not in flags]
    titles = "--no-titles" not in sys.argv[1:]
    with_links = "--links" in sys.argv[1:]
    if len(args) != 3 or args[0] not in ("fixtures", "clean", "html"):
        sys.exit(__doc__)
    kind, out, target = args[0], args[1], int(float(args[2]) * 1_000_000)
    root = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
    files = sorted((root if kind == "fixtures" else root / "clean").rglob("*.txt"))
    texts = [fixture_text(p) for p in files]
    headlines = [headline(t) for t in texts]
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
            if with_links and kind != "html":
                record["links"] = page_links(i, record["url"], record["text"], headlines)
            line = json.dumps(record, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode())
            i += 1


if __name__ == "__main__":
    main()
