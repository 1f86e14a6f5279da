#!/usr/bin/env python3
"""Tests of bench/profile_lines.py on small `perf script -F ip,sym,srcline` texts.

    python3 tests/bench/profile_lines_test.py [path/to/profile_lines.py]

The samples below are written the way perf prints them: a sample is a block
of frames, leaf first, each an address and a symbol on one line and its source
line on the next; a blank line ends the sample.
"""

import os
import subprocess
import sys
import tempfile
import unittest

SCRIPT = (sys.argv.pop(1) if len(sys.argv) > 1 else
          os.path.join(os.path.dirname(__file__), "..", "..", "bench", "profile_lines.py"))


def frame(symbol, source):
    return f"\t    4a1f20 {symbol}\n  {source}\n"


def sample(*frames):
    return "".join(frame(symbol, source) for symbol, source in frames) + "\n"


# A sample in glibc's memchr, called through string.h's inlined wrapper from
# a rule's own line.
MEMCHR_IN_RULE = sample(
    ("__memchr_evex", "memchr-evex.S:113"),
    ("memchr", "string.h:102 (inlined)"),
    ("newslint::NavigationRule::Check", "navigation.cc:152"),
    ("newslint::Engine::LintBatch", "engine.cc:152"),
)
# A sample in a vector's code inlined into People::Build, itself called from
# the Attribution view.
VECTOR_IN_PEOPLE = sample(
    ("newslint::People::Build<false>", "stl_vector.h:1143 (inlined)"),
    ("newslint::People::Build<false>", "people.cc:614"),
    ("newslint::People::People", "people.cc:491"),
    ("newslint::Attribution::Attribution", "attribution.cc:896"),
)
# A helper of People inlined into Build: its own line is the innermost.
INLINED_HELPER = sample(
    ("newslint::People::Build<false>", "people.cc:144 (inlined)"),
    ("newslint::People::Build<false>", "people.cc:759"),
    ("newslint::People::People", "people.cc:491"),
)
# Nothing of newslint's: the dynamic loader at start-up.
LOADER = sample(
    ("_dl_relocate_object", "dl-reloc.c:301"),
    ("_dl_start", "rtld.c:580"),
)


class ProfileLinesTest(unittest.TestCase):
    def run_script(self, text, *args, expect_ok=True):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write(text)
        try:
            result = subprocess.run([sys.executable, SCRIPT, f.name, *args],
                                    capture_output=True, text=True, check=False)
        finally:
            os.unlink(f.name)
        if expect_ok:
            self.assertEqual(result.returncode, 0, result.stderr)
        return result

    @staticmethod
    def rows(output):
        """{location: share} from the lines after the header."""
        rows = {}
        for line in output.splitlines()[1:]:
            share, where = line.split()
            rows[where] = float(share.rstrip("%"))
        return rows

    def test_each_sample_counts_at_the_innermost_own_line(self):
        text = MEMCHR_IN_RULE * 2 + VECTOR_IN_PEOPLE + INLINED_HELPER + LOADER * 4
        out = self.run_script(text).stdout
        self.assertEqual(out.splitlines()[0],
                         "8 samples, 4 (50.0%) at a line of newslint's own code")
        # memchr and string.h are the C library's; stl_vector.h the C++ one's;
        # an inlined helper of newslint's counts at its own line, with the
        # "(inlined)" mark dropped; the loader's samples count nowhere.
        self.assertEqual(self.rows(out), {
            "navigation.cc:152": 25.0,
            "people.cc:614": 12.5,
            "people.cc:144": 12.5,
        })

    def test_within_counts_at_the_outermost_frame_of_the_symbol(self):
        text = MEMCHR_IN_RULE + VECTOR_IN_PEOPLE + INLINED_HELPER * 3
        out = self.run_script(text, "--within", "People::Build").stdout
        self.assertEqual(out.splitlines()[0], "5 samples, 4 (80.0%) inside People::Build")
        self.assertEqual(self.rows(out), {"people.cc:614": 20.0, "people.cc:759": 60.0})

    def test_top_limits_the_rows_most_common_first(self):
        text = MEMCHR_IN_RULE * 3 + VECTOR_IN_PEOPLE * 2 + INLINED_HELPER
        out = self.run_script(text, "--top", "2").stdout
        self.assertEqual([line.strip() for line in out.splitlines()[1:]],
                         ["50.00%  navigation.cc:152", "33.33%  people.cc:614"])

    def test_input_without_samples_is_an_error(self):
        result = self.run_script("", expect_ok=False)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("no samples read", result.stderr)


if __name__ == "__main__":
    unittest.main()
