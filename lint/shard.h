// newslint: --shard K/N, the deterministic slices of one large run.
//
// `newslint check crawl/ --shard 2/8` lints the 2nd of 8 slices of the input,
// so that eight machines (Slurm array jobs, a Dask or Ray pipeline) share a
// run without talking to each other, and `newslint merge` joins their JSON
// reports into the report a single run would have written (docs/reports.md).
//
// The slices. The inputs, expanded in the order a single run reads them
// (ExpandInputs), are laid end to end: T bytes in all. Shard K gets the byte
// range [T*(K-1)/N, T*K/N), and a record belongs to the shard that holds its
// first byte. So the slices are balanced by bytes, contiguous, in input
// order, and every record is in exactly one of them: concatenating the
// shards' outputs in K order gives a single run's output.
//   * A plain JSON Lines file is split inside, at line boundaries: a shard
//     whose range starts inside the file skips to the first line that starts
//     in its range and reads lines until one starts at or after its end (a
//     line that straddles the end is read whole, by the shard it starts in).
//     Record numbers stay the file's true line numbers: the shard counts the
//     newlines before its range (a fast scan, but a read of that prefix).
//   * A compressed file (.gz, .zst, or gzip/zstd content under a .jsonl
//     name), an HTML or text file (one article) cannot be split: it goes
//     whole to the shard holding its first byte. An empty file goes to the
//     shard holding its position.
//   * stdin, and anything that is not a regular file, has no size: with N > 1
//     it is an error (exit 2).
// A file counts in Summary::files of the shard that holds its first byte, so
// merged summaries count every file once.
//
// Dataset rules (boilerplate/template-line) still learn from the whole input
// in every shard (RunDatasetPass reads every file), so a shard's findings are
// exactly those of a single run; that first pass is the part of a sharded
// run that does not shrink with N.

#ifndef NEWSLINT_LINT_SHARD_H_
#define NEWSLINT_LINT_SHARD_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/readers/reader.h"

namespace newslint {

struct ShardSpec {
  int64_t index = 1;  // K, 1-based
  int64_t count = 1;  // N
};

// Parses "K/N" (1 <= K <= N). False with *error naming the problem.
bool ParseShardSpec(std::string_view text, ShardSpec* spec, std::string* error);

// The byte range [begin, end) of shard `spec` over `total` bytes.
struct ByteRange {
  uint64_t begin = 0;
  uint64_t end = 0;
};
ByteRange ShardRange(uint64_t total, ShardSpec spec);

// What one shard reads of one input file.
struct ShardPiece {
  std::string path;
  uint64_t size = 0;       // the file's size on disk (compressed); 0 when unknown
  bool whole = true;       // read the whole file; else the lines starting in [begin, end)
  uint64_t begin = 0;      // byte offsets in the file (split JSONL only)
  uint64_t end = 0;
  bool counts_file = true;  // this shard holds the file's first byte

  // Bytes of the file this piece stands for (for progress).
  uint64_t bytes() const { return whole ? size : end - begin; }
};

struct ShardPlan {
  std::vector<ShardPiece> pieces;  // in input order
  uint64_t total_bytes = 0;        // every input
  uint64_t shard_bytes = 0;        // this shard's pieces
  bool sizes_known = true;         // false when an input has no size (stdin, a pipe)
};

// One input as the planner sees it.
struct ShardInput {
  std::string path;
  uint64_t size = 0;
  bool size_known = true;
  bool jsonl = false;  // JSON Lines by name (IsJsonlPath), not known to be compressed
};

// The plan of shard `spec` over `inputs` (pure; the tests drive it).
// `can_split(i)` says whether inputs[i], a JSONL input, may be split inside
// (it is asked only about files that cross this shard's range boundaries).
// False with *error when N > 1 and an input has no size.
bool PlanShardOf(const std::vector<ShardInput>& inputs, ShardSpec spec,
                 const std::function<bool(size_t)>& can_split, ShardPlan* plan,
                 std::string* error);

// PlanShardOf over files on disk: sizes from stat(); a JSONL file may be
// split unless its name ends in .gz/.zst or it starts with a gzip or zstd
// magic number. False with *error when a file cannot be read.
bool PlanShard(const std::vector<std::string>& files, ShardSpec spec, ShardPlan* plan,
               std::string* error);

// Opens the reader of one piece: OpenReader for a whole file, else a JSONL
// reader of the lines that start in [begin, end), numbered as in the file.
std::unique_ptr<ArticleReader> OpenShardPiece(const ShardPiece& piece, const ReadOptions& options,
                                              std::string* error);

}  // namespace newslint

#endif  // NEWSLINT_LINT_SHARD_H_
