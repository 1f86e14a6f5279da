#include "lint/dictionary.h"

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <set>
#include <system_error>
#include <utility>

#include "lint/byte_set.h"

namespace newslint {
namespace {

// Hunspell's own limit (MAXWORDLEN): longer input is never a word.
constexpr size_t kMaxWordBytes = 100;

bool Readable(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  std::fclose(f);
  return true;
}

// Creating and destroying a Hunspell is not thread-safe: a UTF-8
// dictionary shares one process-wide case table (initialize_utf_tbl /
// free_utf_tbl in Hunspell's csutil.cxx) through a plain static pointer and
// reference count. Workers loading their dictionaries at the same time
// raced on it (LeakSanitizer saw one table overwritten and leaked; a lost
// count could free the table under another thread), so both hold this lock.
std::mutex& HunspellLifetimeMutex() {
  static std::mutex* mu = new std::mutex();  // never destroyed: used at thread exit
  return *mu;
}

std::unique_ptr<Hunspell> OpenHunspell(std::string_view base) {
  const std::string aff = std::string(base) + ".aff";
  const std::string dic = std::string(base) + ".dic";
  // Hunspell accepts missing files and then knows no word at all, which
  // would make every word unknown: check first.
  if (!Readable(aff) || !Readable(dic)) return nullptr;
  std::lock_guard<std::mutex> lock(HunspellLifetimeMutex());
  return std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
}

// The process-wide reporting of missing dictionaries.
struct MissingState {
  std::mutex mu;
  std::set<std::string, std::less<>> reported;
  Dictionary::MissingReporter reporter;
};

MissingState& Missing() {
  static MissingState* state = new MissingState();  // never destroyed: used at thread exit
  return *state;
}

void ReportMissing(std::string_view base) {
  MissingState& m = Missing();
  std::lock_guard<std::mutex> lock(m.mu);
  if (m.reported.count(base)) return;
  m.reported.emplace(base);
  const std::string hint = base == Dictionary::kDefaultBase
                               ? " (Debian package hunspell-en-us)"
                               : " (see the rule's `dictionary` option)";
  const std::string message = "cannot read the Hunspell dictionary " + std::string(base) +
                              ".aff and .dic" + hint +
                              "; dictionary checks such as garbled/spelling are skipped";
  if (m.reporter) {
    m.reporter(message);
  } else {
    std::fprintf(stderr, "newslint: %s\n", message.c_str());
  }
}

// The non-ASCII case of NormalizeApostrophes, out of line.
[[gnu::noinline]] std::string_view NormalizeNonAscii(std::string_view word, std::string* scratch) {
  if (word.find('\xE2') == std::string_view::npos && word.find('\xCA') == std::string_view::npos) {
    return word;
  }
  scratch->clear();
  for (size_t i = 0; i < word.size(); ++i) {
    if (word.compare(i, 3, "\u2019") == 0) {
      scratch->push_back('\'');
      i += 2;
    } else if (word.compare(i, 2, "\u02bc") == 0) {
      scratch->push_back('\'');
      i += 1;
    } else {
      scratch->push_back(word[i]);
    }
  }
  return *scratch;
}

// `word` with typographic apostrophes (U+2019, U+02BC) as "'"; a view of
// `word` itself when it has none, else of *scratch. Inlined into every
// lookup: an ASCII word (nearly every lookup) is told
// without a memchr call (both lead bytes are non-ASCII) or a function call.
[[gnu::always_inline]] inline std::string_view NormalizeApostrophes(std::string_view word,
                                                                    std::string* scratch) {
  if (IsAscii(word)) return word;
  return NormalizeNonAscii(word, scratch);
}

bool IsAsciiLowerWord(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// s with [pos, pos + len) replaced by `with`.
std::string Replace(const std::string& s, size_t pos, size_t len, std::string_view with) {
  std::string out = s.substr(0, pos);
  out.append(with);
  out.append(s, pos + len, std::string::npos);
  return out;
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// One systematic rewrite of a British spelling towards the American one,
// at every place it applies (see AmericanForms in the header).
void OneRewrite(const std::string& s, std::vector<std::string>* out) {
  const size_t n = s.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    // colour, favourite, neighbourhood, behaviour (not at the start: "our").
    if (i >= 1 && s.compare(i, 3, "our") == 0) out->push_back(Replace(s, i, 3, "or"));
    // organise, organising, organisation, realisable; analyse, paralysing.
    if (i >= 1 && (s.compare(i, 2, "is") == 0 || s.compare(i, 2, "ys") == 0)) {
      const size_t k = i + 2;
      if (k < n && (s[k] == 'e' || s.compare(k, 3, "ing") == 0 || s.compare(k, 5, "ation") == 0 ||
                    s.compare(k, 3, "abl") == 0)) {
        out->push_back(Replace(s, i + 1, 1, "z"));
      }
    }
    // travelled, counsellor, marvellous, woollen: -ll- before a vowel.
    if (i >= 1 && s.compare(i, 2, "ll") == 0 && i + 2 < n &&
        (s[i + 2] == 'e' || s[i + 2] == 'i' || s[i + 2] == 'o')) {
      out->push_back(Replace(s, i, 2, "l"));
    }
    // paediatric, haemorrhage; oestrogen, foetus, manoeuvre, diarrhoea.
    if ((i >= 1 && s.compare(i, 2, "ae") == 0) || s.compare(i, 2, "oe") == 0) {
      out->push_back(Replace(s, i, 2, "e"));
    }
    // judgement, acknowledgement; ageing; skilful, wilful.
    if (s.compare(i, 6, "gement") == 0) out->push_back(Replace(s, i, 6, "gment"));
    if (s.compare(i, 5, "geing") == 0) out->push_back(Replace(s, i, 5, "ging"));
    if (i >= 1 && s.compare(i, 4, "lful") == 0 && s[i - 1] != 'l') {
      out->push_back(Replace(s, i, 1, "ll"));
    }
    // mould, smoulder; sceptic; practise.
    if (s.compare(i, 4, "ould") == 0 && i >= 1 && s[i - 1] == 'm') {
      out->push_back(Replace(s, i, 4, "old"));
    }
    if (s.compare(i, 5, "oulde") == 0) out->push_back(Replace(s, i, 5, "olde"));
    if (s.compare(i, 4, "scep") == 0) out->push_back(Replace(s, i, 4, "skep"));
    if (s.compare(i, 6, "ractis") == 0) out->push_back(Replace(s, i, 6, "ractic"));
  }
  // centre, fibre, meagre, manoeuvre, ochre (+s, +d, +ing): -re -> -er.
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"re", "er"},
                          {"res", "ers"}, {"red", "ered"}, {"ring", "ering"}}) {
    if (n > from.size() + 1 && EndsWith(s, from)) {
      const size_t at = n - from.size();
      const char c = s[at - 1];
      if (c == 't' || c == 'b' || c == 'g' || c == 'v' || c == 'h') {
        out->push_back(s.substr(0, at) + std::string(to));
      }
    }
  }
  // catalogue, dialogue, analogue (+s, +d, +ing).
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"ogue", "og"},
                          {"ogues", "ogs"}, {"ogued", "oged"}, {"oguing", "oging"}}) {
    if (n > from.size() && EndsWith(s, from)) {
      out->push_back(s.substr(0, n - from.size()) + std::string(to));
    }
  }
  // defence, offence, licence, pretence (+s, +d, +less).
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"ence", "ense"},
                          {"ences", "enses"}, {"enced", "ensed"}, {"enceless", "enseless"}}) {
    if (n > from.size() + 1 && EndsWith(s, from)) {
      out->push_back(s.substr(0, n - from.size()) + std::string(to));
    }
  }
  // programme(s).
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"mme", "m"},
                          {"mmes", "ms"}}) {
    if (n > from.size() + 1 && EndsWith(s, from)) {
      out->push_back(s.substr(0, n - from.size()) + std::string(to));
    }
  }
  // enrol, fulfil, instil, distil (+s, +ment): a final single l doubles.
  for (std::string_view tail : {"l", "ls", "lment", "lments"}) {
    if (n > tail.size() + 2 && EndsWith(s, tail)) {
      const size_t at = n - tail.size();  // the l
      if (IsVowel(s[at - 1]) && !IsVowel(s[at - 2])) out->push_back(Replace(s, at, 1, "ll"));
    }
  }
}

}  // namespace

std::vector<std::string> AmericanForms(std::string_view word) {
  std::vector<std::string> forms;
  if (word.size() < 4 || word.size() > kMaxWordBytes || !IsAsciiLowerWord(word)) return forms;
  const std::string w(word);
  OneRewrite(w, &forms);
  // A second rewrite on each first one: "manoeuvres" -> "maneuvres" -> "maneuvers",
  // "colourise" -> "colorise" -> "colorize".
  const size_t first = forms.size();
  for (size_t i = 0; i < first; ++i) OneRewrite(std::string(forms[i]), &forms);
  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  forms.erase(std::remove(forms.begin(), forms.end(), w), forms.end());
  return forms;
}

Dictionary::Dictionary(std::string base, std::unique_ptr<Hunspell> hunspell, size_t cache_capacity)
    : base_(std::move(base)), hunspell_(std::move(hunspell)),
      cache_capacity_(std::max<size_t>(1, cache_capacity)) {
  cache_.reserve(std::min<size_t>(cache_capacity_, 4096));
  front_ = std::make_unique<FrontSlot[]>(size_t{1} << kFrontBits);
}

Dictionary::~Dictionary() {
  std::lock_guard<std::mutex> lock(HunspellLifetimeMutex());
  hunspell_.reset();
}

std::unique_ptr<Dictionary> Dictionary::Load(std::string_view base, size_t cache_capacity) {
  std::unique_ptr<Hunspell> h = OpenHunspell(base);
  if (h == nullptr) return nullptr;
  return std::unique_ptr<Dictionary>(new Dictionary(std::string(base), std::move(h), cache_capacity));
}

namespace {

// Dictionaries of threads that have ended, kept for the next thread that
// asks for the same base instead of being destroyed. The pipeline starts
// new workers for every batch of articles, and each used to load Hunspell
// (tens of ms), refill its cache and destroy it again (freeing some hundred
// thousand small blocks): on a single-worker run of 5 MB that was over half
// of garbled/spelling's time. Never destroyed itself, so the dictionaries still held at
// process exit are not freed either (the OS reclaims them at once), and
// its size is bounded by the most worker threads alive at one time.
// Dictionary::Preload's loads in progress count in `pending`, by base; a
// thread that finds none idle waits on `arrived` while one is.
struct IdlePool {
  std::mutex mu;
  std::condition_variable arrived;
  std::vector<std::unique_ptr<Dictionary>> idle;
  std::vector<std::pair<std::string, int>> pending;

  int& Pending(std::string_view base) {
    for (auto& [b, n] : pending) {
      if (b == base) return n;
    }
    return pending.emplace_back(std::string(base), 0).second;
  }
  bool AnyPending(std::string_view base) const {
    for (const auto& [b, n] : pending) {
      if (b == base) return n > 0;
    }
    return false;
  }
};

IdlePool& Idle() {
  static IdlePool* pool = new IdlePool();  // never destroyed: used at thread exit
  return *pool;
}

// An idle dictionary of `base`, waiting for one being preloaded; nullptr
// when there is none (a preload that failed adds none).
std::unique_ptr<Dictionary> TakeIdle(std::string_view base) {
  IdlePool& pool = Idle();
  std::unique_lock<std::mutex> lock(pool.mu);
  for (;;) {
    for (auto it = pool.idle.begin(); it != pool.idle.end(); ++it) {
      if ((*it)->base() == base) {
        std::unique_ptr<Dictionary> dict = std::move(*it);
        pool.idle.erase(it);
        return dict;
      }
    }
    if (!pool.AnyPending(base)) return nullptr;
    pool.arrived.wait(lock);
  }
}

}  // namespace

Dictionary* Dictionary::ForThread(std::string_view base) {
  // Usually one entry (the default dictionary); a failed load is kept as
  // nullptr so that the thread does not try the file system again. At
  // thread exit the loaded dictionaries go to the idle pool.
  struct Loaded {
    std::vector<std::pair<std::string, std::unique_ptr<Dictionary>>> dicts;
    ~Loaded() {
      IdlePool& pool = Idle();
      std::lock_guard<std::mutex> lock(pool.mu);
      for (auto& [b, dict] : dicts) {
        if (dict != nullptr) pool.idle.push_back(std::move(dict));
      }
    }
  };
  thread_local Loaded loaded;
  for (auto& [b, dict] : loaded.dicts) {
    if (b == base) return dict.get();
  }
  std::unique_ptr<Dictionary> dict = TakeIdle(base);
  if (dict != nullptr) {
    // The pipeline starts new workers for every batch of articles: the
    // verdict cache stays warm across them (Hunspell's verdicts never
    // change), while the counters describe this thread's lookups.
    dict->counters_ = {};
  } else {
    dict = Load(base);
    if (dict == nullptr) ReportMissing(base);
  }
  loaded.dicts.emplace_back(std::string(base), std::move(dict));
  return loaded.dicts.back().second.get();
}

std::unique_ptr<Dictionary::Preloading> Dictionary::Preload(std::string_view base, int count) {
  if (count <= 0) return nullptr;
  return std::make_unique<Preloading>(std::string(base), count);
}

size_t Dictionary::IdleCountForTest(std::string_view base) {
  IdlePool& pool = Idle();
  std::lock_guard<std::mutex> lock(pool.mu);
  return static_cast<size_t>(std::count_if(pool.idle.begin(), pool.idle.end(),
                                           [&](const auto& d) { return d->base() == base; }));
}

Dictionary::Preloading::Preloading(std::string base, int count) {
  IdlePool& pool = Idle();
  {
    std::lock_guard<std::mutex> lock(pool.mu);
    pool.Pending(base) += count;
  }
  // One thread, one load after another: Hunspell's construction holds a
  // process-wide lock anyway (HunspellLifetimeMutex).
  auto load = [&pool, base, count] {
    for (int k = 0; k < count; ++k) {
      std::unique_ptr<Dictionary> dict = Load(base);
      {
        std::lock_guard<std::mutex> lock(pool.mu);
        if (dict != nullptr) pool.idle.push_back(std::move(dict));
        --pool.Pending(base);
      }
      pool.arrived.notify_all();
    }
  };
  try {
    thread_ = std::thread(std::move(load));
  } catch (const std::system_error&) {
    // No thread to be had: the loads are not pending after all, and each
    // worker loads its own, as without a preload.
    {
      std::lock_guard<std::mutex> lock(pool.mu);
      pool.Pending(base) -= count;
    }
    pool.arrived.notify_all();
  }
}

Dictionary::Preloading::~Preloading() {
  if (thread_.joinable()) thread_.join();
}

void Dictionary::SetMissingReporter(MissingReporter reporter) {
  MissingState& m = Missing();
  std::lock_guard<std::mutex> lock(m.mu);
  m.reporter = std::move(reporter);
}

bool Dictionary::Spell(std::string_view word) {
  if (word.empty() || word.size() > kMaxWordBytes) return false;
  return hunspell_->spell(std::string(word));
}

bool Dictionary::SpellUncached(std::string_view word) {
  return Spell(NormalizeApostrophes(word, &scratch_));
}

// Inlined (with SameBytes and Find) into the lookups: the front table
// answers nearly every lookup of news text, in a few dozen instructions that
// two calls would add to.
[[gnu::always_inline]] inline size_t Dictionary::FrontIndex(std::string_view word) {
  // Up to 16 bytes of the word (its first and last 8, or 4, or the first,
  // middle and last byte) and its length, mixed by one multiplication.
  const char* p = word.data();
  const size_t n = word.size();
  uint64_t a = n, b = 0;
  if (n >= 8) {
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + n - 8, 8);
  } else if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    a = (uint64_t{hi} << 32) | lo;
  } else if (n > 0) {
    const auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
    a = byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1);
  }
  const uint64_t h = (a ^ (b << 29 | b >> 35) ^ (uint64_t{n} << 56)) * 0x9E3779B97F4A7C15ull;
  return static_cast<size_t>(h >> (64 - kFrontBits));
}

void Dictionary::SetFront(std::string_view word, uint8_t flags) {
  if (word.size() > sizeof(FrontSlot::word)) return;  // rare long words: the map alone
  FrontSlot& slot = front_[FrontIndex(word)];
  slot.size = static_cast<uint8_t>(word.size());
  slot.flags = flags;
  std::memcpy(slot.word, word.data(), word.size());
}

namespace {

// Whether the n bytes at a and b are equal, for the short words of the front
// table: a few overlapping loads instead of a call to memcmp.
[[gnu::always_inline]] inline bool SameBytes(const char* a, const char* b, size_t n) {
  if (n >= 8) {
    uint64_t x, y;
    for (size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&x, a + i, 8);
      std::memcpy(&y, b + i, 8);
      if (x != y) return false;
    }
    std::memcpy(&x, a + n - 8, 8);
    std::memcpy(&y, b + n - 8, 8);
    return x == y;
  }
  if (n >= 4) {
    uint32_t x1, y1, x2, y2;
    std::memcpy(&x1, a, 4);
    std::memcpy(&y1, b, 4);
    std::memcpy(&x2, a + n - 4, 4);
    std::memcpy(&y2, b + n - 4, 4);
    return x1 == y1 && x2 == y2;
  }
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

[[gnu::always_inline]] inline bool Dictionary::Find(std::string_view word, uint8_t* flags) {
  if (word.size() <= sizeof(FrontSlot::word)) {
    const FrontSlot& slot = front_[FrontIndex(word)];
    if (slot.size == word.size() && SameBytes(slot.word, word.data(), word.size())) {
      *flags = slot.flags;
      return true;
    }
  }
  auto it = cache_.find(word);
  if (it == cache_.end()) return false;
  *flags = it->second;
  SetFront(word, *flags);
  return true;
}

void Dictionary::Store(std::string_view word, uint8_t flags) {
  auto it = cache_.find(word);
  if (it != cache_.end()) {
    it->second = flags;
    SetFront(word, flags);
    return;
  }
  if (cache_.size() >= cache_capacity_) {
    // Emptying beats evicting one entry at a time here: it costs nothing
    // per lookup, and news vocabulary refills the hot words within an
    // article or two.
    cache_.clear();
    for (size_t i = 0; i < (size_t{1} << kFrontBits); ++i) front_[i].size = kEmptySlot;
    ++counters_.clears;
  }
  cache_.emplace(std::string(word), flags);
  SetFront(word, flags);
}

bool Dictionary::Knows(std::string_view word) {
  const std::string_view w = NormalizeApostrophes(word, &scratch_);
  ++counters_.lookups;
  if (w.size() > kMaxWordBytes) return false;
  uint8_t flags;
  if (Find(w, &flags)) {
    ++counters_.cache_hits;
    return (flags & kKnown) != 0;
  }
  const bool known = Spell(w);
  Store(w, known ? kKnown : 0);
  return known;
}

bool Dictionary::KnowsAnyEnglish(std::string_view word) {
  const std::string_view w = NormalizeApostrophes(word, &scratch_);
  ++counters_.lookups;
  if (w.size() > kMaxWordBytes) return false;
  uint8_t flags = 0;
  if (Find(w, &flags)) {
    if ((flags & (kKnown | kVariantsDone)) != 0) {
      ++counters_.cache_hits;
      return (flags & (kKnown | kVariantKnown)) != 0;
    }
  } else if (Spell(w)) {
    Store(w, kKnown);
    return true;
  }
  flags |= kVariantsDone;
  for (const std::string& form : AmericanForms(w)) {
    if (Spell(form)) {
      flags |= kVariantKnown;
      break;
    }
  }
  Store(w, flags);
  return (flags & kVariantKnown) != 0;
}

bool Dictionary::OneEditFromKnown(const std::string& w) {
  const size_t n = w.size();
  std::string t;
  // Two known words glued together: "nolonger", "alot", "inthe". The left
  // part has two letters or more, or is "a".
  for (size_t k = 1; k + 2 <= n; ++k) {
    if (k == 1 && w[0] != 'a') continue;
    if (Spell(std::string_view(w).substr(0, k)) && Spell(std::string_view(w).substr(k))) return true;
  }
  // A letter too many: "goverrment".
  for (size_t i = 0; i < n; ++i) {
    t = w;
    t.erase(i, 1);
    if (t.size() >= 2 && Spell(t)) return true;
  }
  // Two neighbours swapped: "teh", "recieve".
  for (size_t i = 0; i + 1 < n; ++i) {
    if (w[i] == w[i + 1]) continue;
    t = w;
    std::swap(t[i], t[i + 1]);
    if (Spell(t)) return true;
  }
  // A letter wrong or missing: "ministr", "anounced", "econmy".
  for (size_t i = 0; i <= n; ++i) {
    for (char c = 'a'; c <= 'z'; ++c) {
      if (i < n && c != w[i]) {
        t = w;
        t[i] = c;
        if (Spell(t)) return true;
      }
      t = w;
      t.insert(t.begin() + static_cast<std::ptrdiff_t>(i), c);
      if (Spell(t)) return true;
    }
  }
  return false;
}

bool Dictionary::LooksMisspelt(std::string_view word) {
  if (word.size() < 2 || word.size() > 30 || !IsAsciiLowerWord(word)) return false;
  ++counters_.lookups;
  uint8_t flags = 0;
  if (Find(word, &flags)) {
    if ((flags & kNearDone) != 0) {
      ++counters_.cache_hits;
      return (flags & kNear) != 0;
    }
  } else {
    flags = Spell(word) ? kKnown : 0;
  }
  flags |= kNearDone;
  if ((flags & kKnown) == 0 && OneEditFromKnown(std::string(word))) flags |= kNear;
  Store(word, flags);
  return (flags & kNear) != 0;
}

}  // namespace newslint
