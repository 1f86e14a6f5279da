#include "lint/article_stream.h"

#include <algorithm>

namespace newslint {

ArticleStream::ArticleStream(const PipelineOptions& options, const ShardPlan& plan,
                             Summary* summary, bool workers_decode)
    : options_(options), read_(BatchReadOptions(options)), plan_(plan), summary_(summary) {
  if (workers_decode) read_.defer_decoding = true;
}

bool ArticleStream::ReadBatch(std::vector<Article>* batch, std::string* error) {
  batch->clear();
  size_t bytes = 0;
  while (batch->size() < options_.batch_articles && bytes < options_.batch_bytes) {
    if (!reader_) {
      if (next_piece_ == plan_.pieces.size()) break;
      const ShardPiece& piece = plan_.pieces[next_piece_++];
      reader_ = OpenShardPiece(piece, read_, error);
      // A file split across shards counts once, in the shard with its first byte.
      if (piece.counts_file) ++summary_->files;
      if (!reader_) {
        // A file that cannot be opened (no permission, gone since the
        // folder was listed) is one record carrying input/read-error, as a
        // file that breaks off mid-read is: one bad file never ends a long
        // run. Reported by the shard that owns the file's first byte.
        done_bytes_ += piece.bytes();
        if (!piece.counts_file) continue;
        batch->emplace_back();
        Article& article = batch->back();
        article.id = piece.path;
        article.source = piece.path;
        article.record = 1;
        article.AddInputFinding("input/read-error", *error);
        error->clear();
        continue;
      }
    }
    batch->emplace_back();
    if (!reader_->Next(&batch->back())) {
      batch->pop_back();
      summary_->input_bytes += static_cast<int64_t>(reader_->bytes_read());
      reader_.reset();
      done_bytes_ += plan_.pieces[next_piece_ - 1].bytes();
      continue;
    }
    bytes += BatchBytes(batch->back());
  }
  return true;
}

uint64_t ArticleStream::position() const {
  if (!reader_) return done_bytes_;
  return done_bytes_ + std::min(reader_->source_position(), plan_.pieces[next_piece_ - 1].bytes());
}

}  // namespace newslint
