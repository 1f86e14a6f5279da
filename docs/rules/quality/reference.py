"""Reference implementation of newslint's quality/* metrics (Python 3.9+).

This file restates docs/rules/quality/README.md as code, for data teams who
want to check newslint's numbers or reproduce them in their own pipeline:

    python3 docs/rules/quality/reference.py article.txt     # prints the metrics as JSON

It uses only the standard library. Where it cannot match newslint exactly the
README says so (letters outside the scripts newslint's letter table covers,
ill-formed UTF-8, and the 1-in-2^64 chance of a hash collision in newslint).
"""

import json
import sys
from collections import Counter

# White space: exactly what str.isspace() accepts (and str.split() splits on).
def is_space(c):
    return c.isspace()

# Combining marks that stay inside a normalised word (lint/utf8.h's table).
MARK_RANGES = [
    (0x0300, 0x036F), (0x0483, 0x0489), (0x0591, 0x05BD), (0x05BF, 0x05BF),
    (0x05C1, 0x05C2), (0x05C4, 0x05C5), (0x05C7, 0x05C7), (0x0610, 0x061A),
    (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06DC), (0x06DF, 0x06E4),
    (0x06E7, 0x06E8), (0x06EA, 0x06ED), (0x0900, 0x0903), (0x093A, 0x093C),
    (0x093E, 0x094F), (0x0951, 0x0957), (0x0962, 0x0963), (0x0E31, 0x0E31),
    (0x0E34, 0x0E3A), (0x0E47, 0x0E4E), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF),
    (0x200C, 0x200D), (0x20D0, 0x20FF), (0x3099, 0x309A), (0xFE00, 0xFE0F),
    (0xFE20, 0xFE2F),
]

def is_mark(c):
    o = ord(c)
    return any(lo <= o <= hi for lo, hi in MARK_RANGES)

def is_kept(c):
    return c.isalpha() or c in "0123456789" or is_mark(c)

def lower(c):
    o = ord(c)
    if (0x41 <= o <= 0x5A or (0xC0 <= o <= 0xDE and o != 0xD7)
            or (0x391 <= o <= 0x3A9 and o != 0x3A2) or 0x410 <= o <= 0x42F):
        return chr(o + 0x20)
    if 0x400 <= o <= 0x40F:
        return chr(o + 0x50)
    return c

def normalise(word):
    i, j = 0, len(word)
    while i < j and not is_kept(word[i]):
        i += 1
    while j > i and not is_kept(word[j - 1]):
        j -= 1
    return "".join(lower(c) for c in word[i:j])

BULLETS = set("-*\u00b7\u2013\u2022\u2023\u2043\u25aa\u25a0\u25cf\u25e6")
TERMINALS = set(".!?\"'\u2019\u201d\u00bb\u2026\u3002\uff01\uff1f")
STOP_WORDS = {"the", "be", "to", "of", "and", "that", "have", "with"}

def duplicates(items):
    """Items equal to an earlier item: (how many, their characters)."""
    seen, count, chars = set(), 0, 0
    for key, length in items:
        if key in seen:
            count += 1
            chars += length
        else:
            seen.add(key)
    return count, chars

def metrics(text):
    words = text.split()
    lines = [l.strip() for l in text.split("\n")]
    lines = [l for l in lines if l]
    paragraphs, current = [], []
    for raw in text.split("\n"):
        if raw.strip():
            current.append(raw.strip())
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    norm = [w for w in (normalise(w) for w in words) if w]
    total_norm = sum(len(w) for w in norm)
    line_chars = sum(len(l) for l in lines)

    m = {
        "word-count": len(words),
        "word-chars": sum(len(w) for w in words),
        "hash-count": text.count("#"),
        "ellipsis-count": text.count("...") + text.count("\u2026"),
        "alphabetic-words": sum(any(c.isalpha() for c in w) for w in words),
        "stop-word-count": sum(w in STOP_WORDS for w in norm),
        "lines": len(lines),
        "line-chars": line_chars,
        "bullet-lines": sum(l[0] in BULLETS for l in lines),
        "ellipsis-lines": sum(l.endswith("...") or l.endswith("\u2026") for l in lines),
        "terminal-lines": sum(l[-1] in TERMINALS for l in lines),
        "short-lines": sum(len(l) <= 30 for l in lines),
        "paragraphs": len(paragraphs),
        "normalised-chars": total_norm,
        "lorem-ipsum-count": sum(l.translate(ASCII_LOWER).count("lorem ipsum") for l in lines),
        "curly-brace-count": text.count("{"),
        "javascript-line-count": sum("javascript" in l.translate(ASCII_LOWER) for l in lines),
    }
    m["duplicate-lines"], m["duplicate-line-chars"] = duplicates((l, len(l)) for l in lines)
    m["duplicate-paragraphs"], m["duplicate-paragraph-chars"] = duplicates(
        ("\n".join(p), sum(len(l) for l in p)) for p in paragraphs)

    for n in range(2, 11):
        grams = [tuple(norm[i:i + n]) for i in range(len(norm) - n + 1)]
        counts = Counter(grams)
        if n <= 4:
            top = 0
            best = (1, 0)  # (count, chars); a top n-gram must occur twice
            for g in grams:
                key = (counts[g], sum(len(w) for w in g))
                if key[0] >= 2 and key > best:
                    best = key
            top = best[0] * best[1] if best[0] >= 2 else 0
            m[f"top-{n}gram-chars"] = top
        covered = [False] * len(norm)
        for i, g in enumerate(grams):
            if counts[g] >= 2:
                for k in range(i, i + n):
                    covered[k] = True
        m[f"duplicate-{n}gram-chars"] = sum(len(w) for w, c in zip(norm, covered) if c)
    return m

ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

if __name__ == "__main__":
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            print(json.dumps({"file": path, **metrics(f.read())}))
