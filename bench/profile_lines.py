#!/usr/bin/env python3
"""Sum a perf profile by newslint's own source lines.

`perf report` groups samples by function, and in newslint most of the time
sits in a few large functions (a view's constructor, a rule's Check) whose
lines do different things. This script reads `perf script` output with
source lines and counts each sample once, at one line of newslint's own code:

  perf record -e cpu-clock -F 2000 --call-graph dwarf,16384 -o perf.data \\
      build-prof/newslint check corpus.jsonl -j1 --no-config -o /dev/null --format jsonl
  perf script -i perf.data -F ip,sym,srcline > perf.txt
  bench/profile_lines.py perf.txt                    # the innermost own line
  bench/profile_lines.py perf.txt --within People::Build   # lines of one function

Build with `-g` (CMAKE_BUILD_TYPE=RelWithDebInfo, or Release with
CMAKE_CXX_FLAGS=-g) so that perf can unwind and name the lines.

Default: each sample goes to the innermost frame whose source line is in a
file of newslint's (lint/, rules/, ...: a name ending in .cc or .h that is
not one of the standard library's headers), so a sample in memcpy called
from a rule counts at the rule's line. A frame of a function inlined into
its caller ("people.cc:614 (inlined)") counts at its own line. With
--within SYMBOL, only the
samples whose stack holds a frame of SYMBOL count, each at the line of the
outermost such frame: where that function's time goes, callees included.
Shares are of all samples.
"""

import argparse
import collections
import re
import sys

FRAME = re.compile(r"^([0-9a-f]+) (.*)$")
# "people.cc:614", or "people.cc:614 (inlined)" for a frame perf unwound
# out of a function inlined into its caller.
SOURCE_LINE = re.compile(r"^([A-Za-z0-9_.+-]+\.(?:cc|h)):(\d+)(?: \(inlined\))?$")
INLINED = " (inlined)"
# Headers of the C and C++ standard libraries (glibc's string.h wraps
# memchr and memcpy in inlined functions) and of the compiler's intrinsics,
# whose lines say where the time went only inside the caller's line.
LIBRARY = re.compile(
    r"^(stl_|basic_string|string_view|char_traits|new_allocator|alloc_traits|"
    r"shared_ptr|unique_ptr|std_function|invoke|ptr_traits|allocator|"
    r"move|predefined_ops|hashtable|unordered_|vector|array|span|optional|"
    r"string\.h|string_fortified|stdio2?\.h|stdlib\.h|wchar2?\.h|"
    r"\w*intrin)")


def read_samples(stream):
    """Yields each sample as a list of (symbol, source line or None), leaf first."""
    frames = []
    for raw in stream:
        line = raw.strip()
        if not line:
            if frames:
                yield frames
                frames = []
            continue
        m = FRAME.match(line)
        if m:
            frames.append([m.group(2), None])
        elif frames and frames[-1][1] is None:
            frames[-1][1] = line
    if frames:
        yield frames


def own_line(source):
    if source is None:
        return False
    m = SOURCE_LINE.match(source)
    return m is not None and not LIBRARY.match(m.group(1))


def location(source):
    """A frame's source line as it is reported: "people.cc:614", inlined or not."""
    return source[:-len(INLINED)] if source.endswith(INLINED) else source


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("perf_script", help="output of perf script -F ip,sym,srcline ('-': stdin)")
    parser.add_argument("--within", metavar="SYMBOL",
                        help="only samples inside SYMBOL (a substring of the function's name)")
    parser.add_argument("--top", type=int, default=40, help="lines to print (default 40)")
    args = parser.parse_args()

    stream = sys.stdin if args.perf_script == "-" else open(args.perf_script, encoding="utf-8",
                                                              errors="replace")
    counts = collections.Counter()
    total = counted = 0
    for frames in read_samples(stream):
        total += 1
        where = None
        if args.within:
            inside = [i for i, (symbol, _) in enumerate(frames) if args.within in symbol]
            if inside:
                symbol, source = frames[max(inside)]
                where = location(source) if source else symbol
        else:
            where = next((location(source) for _, source in frames if own_line(source)), None)
        if where is not None:
            counted += 1
            counts[where] += 1
    if total == 0:
        sys.exit("profile_lines: no samples read (was perf script run with -F ip,sym,srcline?)")
    what = f"inside {args.within}" if args.within else "at a line of newslint's own code"
    print(f"{total} samples, {counted} ({100 * counted / total:.1f}%) {what}")
    for where, n in counts.most_common(args.top):
        print(f"{100 * n / total:6.2f}%  {where}")


if __name__ == "__main__":
    main()
