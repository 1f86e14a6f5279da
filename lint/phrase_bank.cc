#include "lint/phrase_bank.h"

#include <algorithm>
#include <string>

#include "lint/rule.h"
#include "lint/scratch.h"

namespace newslint {

void AppendPhraseMatchers(const Rule& rule, std::vector<const PhraseMatcher*>* out) {
  if (const auto* user = dynamic_cast<const PhraseUser*>(&rule)) {
    for (const PhraseMatcher* m : user->phrase_matchers()) out->push_back(m);
  }
}

PhraseBank::PhraseBank(const std::vector<const PhraseMatcher*>& matchers) {
  std::vector<std::string_view> phrases;
  for (const PhraseMatcher* m : matchers) {
    if (m == nullptr || std::find(matchers_.begin(), matchers_.end(), m) != matchers_.end()) {
      continue;
    }
    const auto slot = static_cast<uint32_t>(matchers_.size());
    matchers_.push_back(m);
    // Phrases in the matcher's own order, so that a slot's matches ending at
    // the same byte come out of the combined scan in the order its own scan
    // gives them.
    for (size_t i = 0; i < m->size(); ++i) {
      phrases.push_back(m->phrase(i));
      slot_of_.push_back(slot);
      local_of_.push_back(static_cast<uint32_t>(i));
    }
  }
  combined_ = std::make_unique<PhraseMatcher>(phrases);
  combined_->Build();  // now, on the Engine's thread, not in the first worker's scan
  size_t bits = 2;
  while ((size_t{1} << bits) < 4 * matchers_.size()) ++bits;
  index_.assign(size_t{1} << bits, IndexEntry{});
  index_mask_ = index_.size() - 1;
  index_shift_ = 64 - static_cast<unsigned>(bits);
  for (size_t s = 0; s < matchers_.size(); ++s) {
    size_t h = Hash(matchers_[s]);
    while (index_[h].matcher != nullptr) h = (h + 1) & index_mask_;
    index_[h] = IndexEntry{matchers_[s], static_cast<int>(s)};
  }
}

PhraseHits::PhraseHits(Analysis& analysis) : bank_(analysis.phrase_bank()) {
  if (bank_ == nullptr) return;
  thread_local std::vector<PhraseMatch> found;  // reused: no allocation per article
  ReuseScratch(found);
  bank_->combined().FindAll(analysis.text(), 0, &found);
  // A stable counting sort by slot keeps each slot's matches in scan order.
  slot_begin_.assign(bank_->slot_count() + 1, 0);
  for (const PhraseMatch& m : found) ++slot_begin_[bank_->slot_of(m.phrase) + 1];
  for (size_t s = 1; s < slot_begin_.size(); ++s) slot_begin_[s] += slot_begin_[s - 1];
  matches_.resize(found.size());
  std::vector<size_t> next(slot_begin_.begin(), slot_begin_.end() - 1);
  for (const PhraseMatch& m : found) {
    matches_[next[bank_->slot_of(m.phrase)]++] = PhraseMatch{bank_->local_of(m.phrase), m.span};
  }
  // Each slot's cursor at its first match, as if asked about offset 0.
  cursors_.resize(bank_->slot_count());
  for (size_t s = 0; s < cursors_.size(); ++s) cursors_[s] = {0, slot_begin_[s]};
}

namespace {

// The shared scan's slot for `matcher` and the piece `text` is of the
// article, when the shared scan can answer for it.
struct SharedPiece {
  const PhraseHits* hits = nullptr;
  int slot = -1;
  Span range;
};

SharedPiece Locate(Analysis& analysis, const PhraseMatcher& matcher, std::string_view text) {
  SharedPiece piece;
  const PhraseBank* bank = analysis.phrase_bank();
  if (bank == nullptr) return piece;
  const int slot = bank->SlotOf(&matcher);
  if (slot < 0) return piece;
  const std::string_view all = analysis.text();
  // A piece of the article text itself (not a copy of it)?
  const auto at = reinterpret_cast<uintptr_t>(text.data());
  const auto begin = reinterpret_cast<uintptr_t>(all.data());
  if (text.empty() || at < begin || at + text.size() > begin + all.size()) return piece;
  const auto start = static_cast<size_t>(at - begin);
  const size_t end = start + text.size();
  if (!PhraseMatcher::CleanEdges(all, start, end)) return piece;
  piece.hits = analysis.phrase_hits();
  if (piece.hits == nullptr) {
    piece.hits = &analysis.Shared<PhraseHits>();
    analysis.set_phrase_hits(piece.hits);
  }
  piece.slot = slot;
  piece.range = {start, end};
  return piece;
}

}  // namespace

void FindPhrases(Analysis& analysis, const PhraseMatcher& matcher, std::string_view text,
                 size_t base, std::vector<PhraseMatch>* out) {
  const SharedPiece piece = Locate(analysis, matcher, text);
  if (piece.hits == nullptr) {
    matcher.FindAll(text, base, out);
    return;
  }
  const size_t shift = piece.range.start;
  piece.hits->ForEachIn(piece.slot, piece.range, [&](const PhraseMatch& m) {
    out->push_back(PhraseMatch{m.phrase, {m.span.start - shift + base, m.span.end - shift + base}});
    return true;
  });
}

bool ContainsPhrase(Analysis& analysis, const PhraseMatcher& matcher, std::string_view text) {
  const SharedPiece piece = Locate(analysis, matcher, text);
  if (piece.hits == nullptr) return matcher.ContainsAny(text);
  bool found = false;
  piece.hits->ForEachIn(piece.slot, piece.range, [&](const PhraseMatch&) {
    found = true;
    return false;
  });
  return found;
}

}  // namespace newslint
