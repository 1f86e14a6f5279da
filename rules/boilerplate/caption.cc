// boilerplate/caption: photo and video captions and credits that the scrape
// left between the paragraphs of the story.

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/byte_set.h"
#include "lint/phrase_bank.h"
#include "lint/phrase_matcher.h"
#include "lint/scratch.h"
#include "lint/utf8.h"
#include "rules/lexicons/lexicon.h"
#include "rules/page_layout.h"
#include "rules/rules.h"

namespace newslint {
namespace {

const RuleInfo kInfo = {
    "boilerplate/caption",
    Severity::kWarning,
    "Photo and video captions and credits left between the paragraphs of the story.",
    {
        {"max-caption-words", "int", "40",
         "A caption (the description before a credit) longer than this many words is story "
         "text, whatever follows it."},
    }};

enum class PhraseKind : uint8_t { kLabel, kPhotoAgency, kWireAgency, kCue };

// Where a credit was found, which sets how much it must prove.
enum class Context : uint8_t {
  kLabel,      // after "Photo:", "Photograph by", ...: names are enough
  kParen,      // "(Reed Saxon / Los Angeles Times)": a slash and a name, or an agency
  kBare,       // a line or a sentence of its own: an agency and a name, or a picture agency
  kCopyright,  // "© Reuters": an agency or a slash, never a year
};

bool IsConnector(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "for", "via", "of", "the", "and", "&", "de", "van", "von", "der", "den", "da", "del",
      "la", "le", "di", "du", "dos", "das", "y", "on", "al", "el", "bin", "ibn", "-", "|",
      "\u2013", "\u2014", "by", "at"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool IsPhotoWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"photo", "photos", "file", "pool", "handout",
                                                "picture", "pictures", "photograph", "image"};
  if (w.size() > 10) return false;
  char lower[16];
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view l(lower, w.size());
  for (std::string_view k : kWords) {
    if (l == k) return true;
  }
  return false;
}

bool IsEdgePunct(char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '"' || c == '\'' || c == '(' ||
         c == ')';
}

std::string_view TrimView(std::string_view s) {
  size_t start = 0, end = s.size();
  utf8::Trim(s, &start, &end);
  return s.substr(start, end - start);
}

// What a candidate credit text turned out to hold.
struct CreditFacts {
  bool ok = false;
  bool label = false;        // it opened with a credit label
  bool slash = false;        // "Name / Agency"
  bool agency = false;       // a wire or picture agency is named
  bool photo_agency = false; // a picture agency is named
  bool photo_word = false;   // "AP Photo", "File", "Pool", "Handout"
  bool person = false;       // a part of two or more capitalised words, not an agency
  bool covered = false;      // every word is an agency name or a connector
  std::string_view agency_name;
};

class CaptionRule : public Rule, public PhraseUser {
 public:
  std::vector<const PhraseMatcher*> phrase_matchers() const override { return {&matcher_}; }

  CaptionRule() : matcher_(BuildMatcher(&kinds_)) {}

  const RuleInfo& info() const override { return kInfo; }

  void Check(const Article& article, Analysis& analysis, const RuleOptions& options,
             FindingSink& sink) const override {
    const int64_t max_caption_words = options.GetInt("max-caption-words", 40);
    const PageLayout& layout = analysis.Shared<PageLayout>();
    std::string_view text = analysis.text();
    thread_local std::vector<PhraseMatch> matches;
    thread_local std::vector<uint8_t> reported;
    reported.assign(layout.size(), 0);

    for (size_t i = 0; i < layout.size(); ++i) {
      const LineLayout& l = layout.line(i);
      if (l.blank || l.letters_words == 0) continue;
      std::string_view line = text.substr(l.span.start, l.span.size());
      matches.clear();
      FindPhrases(analysis, matcher_, line, 0, &matches);
      // HTML input: the page itself says the line is a caption.
      if (InFigureCaption(article, layout, i) && l.words <= max_caption_words + 16) {
        reported[i] = 1;
        sink.Report(l.span, "photo caption (a <figcaption> of the page) in the article text",
                    {{"kind", std::string("caption")},
                     {"signals", std::vector<std::string>{"dom:figcaption"}}},
                    layout.RemoveLineFix(i));
        continue;
      }
      const bool has_slash = line.find('/') != std::string_view::npos;
      const bool has_copyright = line.starts_with("\u00a9");
      // Only a label, an agency, a slash or a "©" can start a credit ("File
      // photo" holds "file photo", a cue): most lines stop here.
      bool credit_phrase = false;
      for (const PhraseMatch& m : matches) credit_phrase = credit_phrase || kinds_[m.phrase] != PhraseKind::kCue;
      if (!credit_phrase && !has_slash && !has_copyright && !(l.words == 2 && l.code_points <= 14)) {
        continue;
      }

      // A whole line that is a credit.
      if (l.words <= 16) {
        CreditFacts f = WholeLineCredit(line, matches);
        // An agency's name alone as an item of a list the story introduces
        // ("lent by five archives:" then "Getty Images", "Library of
        // Congress"): a list of names, not a credit.
        if (f.ok && !f.label && !f.slash && InIntroducedList(analysis, layout, i)) {
          f.ok = false;
        }
        if (f.ok) {
          reported[i] = 1;
          ReportCredit(layout, i, line, f, sink);
          MaybeCaptionAbove(analysis, layout, i, matches, max_caption_words, &reported, sink);
          continue;
        }
      }
      // A caption with its credit at the end of the same line.
      if (l.words <= max_caption_words + 16) {
        size_t credit_start = 0;
        CreditFacts f = TrailingCredit(line, matches, &credit_start);
        if (f.ok) {
          std::string_view caption = TrimView(line.substr(0, credit_start));
          size_t caption_words = CountBlankSeparatedWords(caption);
          if (caption_words >= 3 && static_cast<int64_t>(caption_words) <= max_caption_words &&
              !OpensQuotation(caption)) {
            reported[i] = 1;
            std::string_view credit = TrimView(line.substr(credit_start));
            sink.Report(l.span,
                        "photo caption with its credit (\"" + std::string(credit) +
                            "\") in the article text",
                        {{"kind", std::string("caption+credit")},
                         {"credit", std::string(credit)},
                         {"caption_words", static_cast<int64_t>(caption_words)},
                         {"signals", Signals(f, layout, i)}},
                        layout.RemoveLineFix(i));
          }
        }
      }
    }
  }

 private:
  static PhraseMatcher BuildMatcher(std::vector<PhraseKind>* kinds) {
    return CompileLexicons<PhraseKind>({
        {"caption-labels", PhraseKind::kLabel},
        {"caption-photo-agencies", PhraseKind::kPhotoAgency},
        {"caption-wire-agencies", PhraseKind::kWireAgency},
        {"caption-cues", PhraseKind::kCue}}, kinds);
  }

  // A line whose DOM path runs through <figcaption>, or through an element
  // whose class or id names a caption or a photo credit.
  static bool InFigureCaption(const Article& article, const PageLayout& layout, size_t i) {
    if (i >= article.blocks.size()) return false;
    std::string_view path = article.blocks[i].tag_path;
    for (size_t at = path.find("figcaption"); at != std::string_view::npos;
         at = path.find("figcaption", at + 1)) {
      bool starts = at == 0 || path[at - 1] == '>';
      bool ends = at + 10 == path.size() || path[at + 10] == '>';
      if (starts && ends) return true;
    }
    return layout.DomTokenContains(i, "caption") || layout.DomTokenContains(i, "photo-credit") ||
           layout.DomTokenContains(i, "image-credit");
  }

  // Line i is an item of a run of two or more short lines whose line above
  // ends with a colon: a list that the story introduces.
  static bool InIntroducedList(Analysis& analysis, const PageLayout& layout, size_t i) {
    const LineLayout& l = layout.line(i);
    if (!l.short_line || layout.run_length(i) < 2) return false;
    const size_t above = layout.PreviousNonBlank(l.run_begin);
    if (above == PageLayout::npos) return false;
    std::string_view intro = analysis.view(layout.line(above).span);
    return intro.ends_with(":");
  }

  static bool OpensQuotation(std::string_view s) {
    return s.starts_with("\"") || s.starts_with("\u201c") || s.starts_with("\u2018") ||
           s.starts_with("'");
  }

  // The label match that starts exactly at `at` in the line, if any: its end.
  size_t LabelAt(const std::vector<PhraseMatch>& matches, size_t at) const {
    size_t end = 0;
    for (const PhraseMatch& m : matches) {
      if (kinds_[m.phrase] == PhraseKind::kLabel && m.span.start == at) end = std::max(end, m.span.end);
    }
    return end;
  }

  // Judges `line[begin, end)` as a credit found in `context`. `matches` are the
  // phrase matches of the whole line (offsets into `line`).
  CreditFacts Credit(std::string_view line, size_t begin, size_t end, Context context,
                     const std::vector<PhraseMatch>& matches) const {
    CreditFacts f;
    // Trim white space, a closing full stop and a label at the start.
    while (begin < end && utf8::SpaceLengthAt(line, begin) > 0) begin += utf8::SpaceLengthAt(line, begin);
    while (end > begin && (utf8::SpaceLengthBefore(line, end) > 0 || line[end - 1] == '.')) {
      end -= line[end - 1] == '.' ? 1 : utf8::SpaceLengthBefore(line, end);
    }
    if (size_t label_end = LabelAt(matches, begin); label_end > begin && label_end < end) {
      f.label = true;
      context = Context::kLabel;
      begin = label_end;
      while (begin < end && utf8::SpaceLengthAt(line, begin) > 0) begin += utf8::SpaceLengthAt(line, begin);
    }
    if (begin >= end) return f;
    std::string_view credit = line.substr(begin, end - begin);

    // Agencies named inside the credit; words they cover.
    for (const PhraseMatch& m : matches) {
      if (m.span.start < begin || m.span.end > end) continue;
      PhraseKind kind = kinds_[m.phrase];
      if (kind == PhraseKind::kPhotoAgency || kind == PhraseKind::kWireAgency) {
        f.agency = true;
        if (m.span.size() > f.agency_name.size()) f.agency_name = line.substr(m.span.start, m.span.size());
        if (kind == PhraseKind::kPhotoAgency) f.photo_agency = true;
      }
    }

    // Parts between slashes; every word capitalised or a connector.
    size_t parts = 0, words = 0;
    bool all_covered = true;
    for (size_t p = 0; p <= credit.size();) {
      size_t slash = credit.find('/', p);
      if (slash == std::string_view::npos) slash = credit.size();
      std::string_view part = TrimView(credit.substr(p, slash - p));
      if (part.empty()) return f;
      ++parts;
      size_t part_words = 0, part_caps = 0;
      bool part_agency = false;
      for (size_t w = 0; w < part.size();) {
        while (w < part.size() && part[w] == ' ') ++w;
        if (w >= part.size()) break;
        size_t e = part.find(' ', w);
        if (e == std::string_view::npos) e = part.size();
        std::string_view word = part.substr(w, e - w);
        const size_t word_at = static_cast<size_t>(part.data() + w - line.data());
        while (!word.empty() && IsEdgePunct(word.back())) word.remove_suffix(1);
        while (!word.empty() && IsEdgePunct(word.front())) word.remove_prefix(1);
        w = e;
        if (word.empty()) continue;
        ++part_words;
        bool in_agency = false;
        for (const PhraseMatch& m : matches) {
          PhraseKind kind = kinds_[m.phrase];
          if ((kind == PhraseKind::kPhotoAgency || kind == PhraseKind::kWireAgency) &&
              m.span.start <= word_at && word_at < m.span.end) {
            in_agency = true;
          }
        }
        part_agency = part_agency || in_agency;
        if (IsPhotoWord(word)) f.photo_word = true;
        if (IsConnector(word)) {
          if (word == "by" || word == "at") all_covered = false;
          continue;
        }
        if (!in_agency) all_covered = false;
        utf8::CodePoint first = utf8::DecodeAt(word, 0);
        bool capital = utf8::CaseOf(first.value) == utf8::LetterCase::kUpper;
        bool initial_or_mixed = in_agency || word == "iStock" || word == "dpa" || word == "ddp";
        if (!capital && !initial_or_mixed) return f;  // a lower-case word: a sentence, not a credit
        // Digits in a word: a year or a count, the footer's "© 2024".
        for (char c : word) {
          if (c >= '0' && c <= '9') return f;
        }
        ++part_caps;
      }
      if (part_words == 0 || part_words > 7) return f;
      if (part_caps >= 2 && !part_agency) f.person = true;
      words += part_words;
      p = slash + 1;
      if (slash == credit.size()) break;
    }
    if (parts > 4 || words > 12) return f;
    f.slash = parts >= 2;
    f.covered = all_covered && f.photo_agency;

    switch (context) {
      case Context::kLabel:
        f.ok = true;
        break;
      case Context::kParen:
        f.ok = (f.slash && (f.agency || f.photo_word || f.person)) ||
               (!f.slash && (f.covered || (f.agency && f.photo_word)));
        break;
      case Context::kBare:
        f.ok = (f.slash && (f.agency || f.photo_word) && (f.person || f.photo_word)) || f.covered;
        break;
      case Context::kCopyright:
        f.ok = f.agency || f.slash;
        break;
    }
    return f;
  }

  CreditFacts WholeLineCredit(std::string_view line, const std::vector<PhraseMatch>& matches) const {
    std::string_view folded_file = line;
    while (!folded_file.empty() && folded_file.back() == '.') folded_file.remove_suffix(1);
    std::string fold = folded_file.size() <= 16 ? PhraseMatcher::Fold(folded_file) : std::string();
    if (fold == "file photo" || fold == "file picture" || fold == "file image" ||
        fold == "stock photo" || fold == "handout photo") {
      CreditFacts f;
      f.ok = true;
      f.photo_word = true;
      return f;
    }
    if (line.starts_with("(") && line.ends_with(")") &&
        line.find('(', 1) == std::string_view::npos) {
      return Credit(line, 1, line.size() - 1, Context::kParen, matches);
    }
    if (line.starts_with("\u00a9")) {
      return Credit(line, 2, line.size(), Context::kCopyright, matches);
    }
    return Credit(line, 0, line.size(), Context::kBare, matches);
  }

  // "<caption>. Photograph: Jane Doe/Reuters", "<caption> (Jane Doe / Agency)",
  // "<caption>. REUTERS/Jane Doe". *credit_start is where the credit begins.
  CreditFacts TrailingCredit(std::string_view line, const std::vector<PhraseMatch>& matches,
                             size_t* credit_start) const {
    CreditFacts none;
    if (line.ends_with(")")) {
      size_t open = line.rfind('(');
      if (open == std::string_view::npos || open == 0) return none;
      if (line.find(')', open) != line.size() - 1) return none;
      *credit_start = open;
      return Credit(line, open + 1, line.size() - 1, Context::kParen, matches);
    }
    // After the last sentence end: ". ", "? ", "! ", with closing quotes between.
    size_t at = std::string_view::npos;
    for (size_t i = line.size(); i-- > 1;) {
      if (line[i] != ' ') continue;
      char before = line[i - 1];
      if (before == '.' || before == '?' || before == '!') {
        at = i + 1;
        break;
      }
    }
    if (at == std::string_view::npos || at >= line.size()) return none;
    *credit_start = at;
    if (line.substr(at).starts_with("\u00a9")) {
      return Credit(line, at + 2, line.size(), Context::kCopyright, matches);
    }
    return Credit(line, at, line.size(), Context::kBare, matches);
  }

  // The one-sentence line right above a credit line, when it describes a picture.
  void MaybeCaptionAbove(Analysis& analysis, const PageLayout& layout, size_t credit_line,
                         const std::vector<PhraseMatch>&, int64_t max_caption_words,
                         std::vector<uint8_t>* reported, FindingSink& sink) const {
    const size_t p = layout.PreviousNonBlank(credit_line);
    if (p == PageLayout::npos || (*reported)[p] || credit_line - p > 2) return;
    const LineLayout& l = layout.line(p);
    if (l.words < 3 || l.words > max_caption_words || l.bullet) return;
    std::string_view line = analysis.view(l.span);
    if (OpensQuotation(line) || line.ends_with(":") || line.ends_with("?")) return;
    if (line.find("\u201c") != std::string_view::npos) return;
    // One sentence: a caption, not a paragraph of the story.
    size_t sentences = 0;
    for (const Sentence& s : analysis.sentences()) {
      if (s.span.start >= l.span.start && s.span.end <= l.span.end) ++sentences;
    }
    if (sentences > 1) return;
    thread_local std::vector<PhraseMatch> above;
    ReuseScratch(above);
    FindPhrases(analysis, matcher_, line, 0, &above);
    std::string_view cue;
    for (const PhraseMatch& m : above) {
      if (kinds_[m.phrase] == PhraseKind::kCue) {
        cue = line.substr(m.span.start, m.span.size());
        break;
      }
    }
    if (cue.empty()) return;
    (*reported)[p] = 1;
    const int64_t credit_no = static_cast<int64_t>(credit_line) + 1;
    sink.Report(l.span,
                "photo caption above its credit (line " + std::to_string(credit_no) +
                    ") in the article text",
                {{"kind", std::string("caption")},
                 {"credit_line", credit_no},
                 {"cue", std::string(cue)},
                 {"signals", std::vector<std::string>{"cue:" + std::string(cue),
                                                      "credit-below", "one-sentence"}}},
                layout.RemoveLineFix(p));
  }

  static std::vector<std::string> Signals(const CreditFacts& f, const PageLayout& layout, size_t i) {
    std::vector<std::string> signals;
    if (f.label) signals.emplace_back("label");
    if (f.slash) signals.emplace_back("slash");
    if (!f.agency_name.empty()) signals.emplace_back("agency:" + std::string(f.agency_name));
    if (f.photo_word) signals.emplace_back("photo-word");
    if (f.person) signals.emplace_back("name");
    const PageRegion r = layout.region(i);
    signals.emplace_back(RegionSignal(r));
    return signals;
  }

  static void ReportCredit(const PageLayout& layout, size_t i, std::string_view line,
                           const CreditFacts& f, FindingSink& sink) {
    sink.Report(layout.line(i).span,
                "photo credit (\"" + std::string(line) + "\") in the article text",
                {{"kind", std::string("credit")}, {"signals", Signals(f, layout, i)}},
                layout.RemoveLineFix(i));
  }

  std::vector<PhraseKind> kinds_;  // per phrase of matcher_; declared first, built with it
  PhraseMatcher matcher_;
};

}  // namespace

std::unique_ptr<Rule> MakeCaptionRule() { return std::make_unique<CaptionRule>(); }

}  // namespace newslint
