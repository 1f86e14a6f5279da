#!/usr/bin/python3
"""The precision tail of dataset/duplicate-article: articles that share some
whole sentences.

  bench/duplicate_stress.py make OUT.jsonl [ARTICLES]
      writes ARTICLES (20,000) articles of 8-16 sentences drawn at random
      (fixed seed) from the clean fixtures' sentences, two per paragraph.
      The pool is small (about 650 sentences), so many pairs of articles
      share a few sentences: true word 5-gram Jaccard 0.1-0.35, texts that
      are not copies but come close to the threshold.
  bench/duplicate_stress.py judge OUT.jsonl FINDINGS.jsonl
      reads `newslint check OUT.jsonl --select dataset/duplicate-article
      --format jsonl` output and prints how many records were paired and the
      true Jaccard of each pair (whole texts, words as runs of letters and
      digits, lower case, apostrophes dropped: close to the rule's story
      words for these all-prose articles).

Only the standard library; run it with any Python 3.
"""

import glob
import json
import os
import random
import re
import statistics
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def sentences():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "fixtures", "clean", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            text = " ".join(line for line in f if not line.startswith("#!"))
        for s in re.split(r"(?<=[.!?])\s+", text):
            s = s.strip()
            if len(s.split()) >= 8:
                out.append(s)
    return out


def make(path, articles):
    pool = sentences()
    rng = random.Random(20261201)
    with open(path, "w", encoding="utf-8") as out:
        for i in range(articles):
            chosen = rng.sample(pool, rng.randint(8, 16))
            paragraphs = [" ".join(chosen[j:j + 2]) for j in range(0, len(chosen), 2)]
            out.write(json.dumps({"id": f"s{i}", "text": "\n\n".join(paragraphs)}) + "\n")
    print(f"{articles} articles from {len(pool)} sentences: {path}")


def shingles(text):
    words = re.findall(r"\w+", text.lower().replace("'", "").replace("\u2019", ""))
    return {tuple(words[i:i + 5]) for i in range(len(words) - 4)}


def judge(corpus, findings):
    with open(corpus, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    pairs = []
    with open(findings, encoding="utf-8") as f:
        for i, line in enumerate(f):
            for finding in json.loads(line).get("findings", []):
                if finding["rule"] != "dataset/duplicate-article":
                    continue
                other = int(finding["evidence"]["other"].rsplit("#", 1)[1]) - 1
                pairs.append((i, other, finding["evidence"]["jaccard"]))
    truth = []
    for i, other, _ in pairs:
        a, b = shingles(texts[i]), shingles(texts[other])
        truth.append(len(a & b) / len(a | b) if a | b else 1.0)
    print(f"{len(pairs)} of {len(texts)} records paired")
    if truth:
        print(f"true Jaccard of the pairs: min {min(truth):.3f}, median "
              f"{statistics.median(truth):.3f}, max {max(truth):.3f}; under 0.2: "
              f"{sum(j < 0.2 for j in truth)}, under 0.3: {sum(j < 0.3 for j in truth)}")


def main(argv):
    if len(argv) >= 2 and argv[0] == "make":
        make(argv[1], int(argv[2]) if len(argv) > 2 else 20000)
    elif len(argv) == 3 and argv[0] == "judge":
        judge(argv[1], argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
