#!/usr/bin/env python3
"""Tests of bench/duplicate_stress.py: the corpus it makes and how it judges
newslint's findings.

    python3 tests/bench/duplicate_stress_test.py [path/to/duplicate_stress.py]
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest

SCRIPT = (sys.argv.pop(1) if len(sys.argv) > 1 else
          os.path.join(os.path.dirname(__file__), "..", "..", "bench", "duplicate_stress.py"))


def run(*args):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True,
                          check=True).stdout


class DuplicateStressTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def test_make_writes_the_same_articles_of_whole_sentences_every_time(self):
        run("make", self.path("a.jsonl"), "40")
        run("make", self.path("b.jsonl"), "40")
        with open(self.path("a.jsonl"), encoding="utf-8") as f:
            first = f.read()
        with open(self.path("b.jsonl"), encoding="utf-8") as f:
            self.assertEqual(first, f.read())
        records = [json.loads(line) for line in first.splitlines()]
        self.assertEqual(len(records), 40)
        self.assertEqual(len({r["id"] for r in records}), 40)
        for r in records:
            paragraphs = r["text"].split("\n\n")
            self.assertTrue(4 <= len(paragraphs) <= 8, r["text"])
            self.assertIn(r["text"].rstrip()[-1], '.!?"\u201d\u2019)', r["text"])

    def test_judge_measures_the_pairs_of_duplicate_article_only(self):
        corpus = self.path("c.jsonl")
        shared = "one two three four five six seven eight nine ten"
        texts = [shared + " alpha beta gamma delta epsilon.",
                 "unrelated words here that share nothing at all with the others.",
                 shared + " zeta eta theta iota kappa."]
        with open(corpus, "w", encoding="utf-8") as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": f"s{i}", "text": t}) + "\n")
        found = [
            {"findings": []},
            {"findings": [{"rule": "garbled/spelling", "evidence": {}}]},
            {"findings": [{"rule": "dataset/duplicate-article",
                           "evidence": {"other": corpus + "#1", "jaccard": 0.4}}]},
        ]
        findings = self.path("f.jsonl")
        with open(findings, "w", encoding="utf-8") as f:
            for r in found:
                f.write(json.dumps(r) + "\n")
        out = run("judge", corpus, findings)
        self.assertIn("1 of 3 records paired", out)
        # 5-grams: 11 in each text, the first 6 shared: J = 6 / 16.
        self.assertIn("min 0.375, median 0.375, max 0.375", out)
        self.assertIn("under 0.2: 0, under 0.3: 0", out)


if __name__ == "__main__":
    unittest.main()
