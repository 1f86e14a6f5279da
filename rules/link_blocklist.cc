#include "rules/link_blocklist.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>

namespace newslint::links {
namespace {

namespace fs = std::filesystem;

// Slot layout: offset 32 bits | length 8 bits | category 12 bits | tag 12 bits.
// Offset + 1 is stored so that 0 stays "empty".
constexpr int kLengthShift = 32;
constexpr int kCategoryShift = 40;
constexpr int kTagShift = 52;
constexpr uint64_t kLengthMask = 0xFF;
constexpr uint64_t kCategoryMask = 0xFFF;
constexpr uint64_t kTagMask = 0xFFF;

uint64_t Hash(std::string_view s) {
  // FNV-1a, finished with a murmur-style mix so the low bits spread.
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

}  // namespace

uint16_t Blocklist::CategoryId(std::string_view name) {
  for (size_t i = 0; i < categories_.size(); ++i) {
    if (categories_[i] == name) return static_cast<uint16_t>(i);
  }
  if (categories_.size() >= kCategoryMask) return static_cast<uint16_t>(kCategoryMask - 1);
  categories_.emplace_back(name);
  return static_cast<uint16_t>(categories_.size() - 1);
}

size_t Blocklist::MemoryBytes() const {
  return arena_.capacity() + table_.capacity() * sizeof(uint64_t);
}

void Blocklist::Grow() { Rehash(table_.empty() ? 1024 : table_.size() * 2); }

void Blocklist::Reserve(size_t domains) {
  size_t slots = table_.empty() ? 1024 : table_.size();
  while (slots < domains * 2) slots *= 2;
  if (slots > table_.size()) Rehash(slots);
}

void Blocklist::Rehash(size_t slots) {
  std::vector<uint64_t> old = std::move(table_);
  table_.assign(slots, 0);
  size_ = 0;
  for (uint64_t slot : old) {
    if (slot == 0) continue;
    uint32_t offset = static_cast<uint32_t>(slot & 0xFFFFFFFFu) - 1;
    uint32_t length = static_cast<uint32_t>((slot >> kLengthShift) & kLengthMask);
    Insert(Hash(std::string_view(arena_).substr(offset, length)), offset, length,
           static_cast<uint16_t>((slot >> kCategoryShift) & kCategoryMask));
  }
}

bool Blocklist::Insert(uint64_t hash, uint32_t offset, uint32_t length, uint16_t category) {
  const size_t mask = table_.size() - 1;
  const uint64_t tag = (hash >> 52) & kTagMask;
  std::string_view key = std::string_view(arena_).substr(offset, length);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    uint64_t slot = table_[i];
    if (slot == 0) {
      table_[i] = (static_cast<uint64_t>(offset) + 1) | (static_cast<uint64_t>(length) << kLengthShift) |
                  (static_cast<uint64_t>(category) << kCategoryShift) | (tag << kTagShift);
      ++size_;
      return true;
    }
    if (((slot >> kTagShift) & kTagMask) == tag &&
        ((slot >> kLengthShift) & kLengthMask) == length &&
        std::memcmp(arena_.data() + (slot & 0xFFFFFFFFu) - 1, key.data(), length) == 0) {
      return false;
    }
  }
}

void Blocklist::Add(std::string_view domain, uint16_t category) {
  if (domain.empty() || domain.size() > kLengthMask) return;
  if (arena_.size() + domain.size() >= 0xFFFFFFF0u) return;  // 4 GB of domains: stop
  if ((size_ + 1) * 2 > table_.size()) Grow();
  const uint32_t offset = static_cast<uint32_t>(arena_.size());
  arena_.append(domain);
  if (!Insert(Hash(domain), offset, static_cast<uint32_t>(domain.size()), category)) {
    arena_.resize(offset);  // already listed
  }
}

void Blocklist::AddDomains(std::string_view text, std::string_view category_name) {
  const uint16_t category = CategoryId(category_name);
  // Size the table for every line up front: growing it step by step would
  // rehash the list about log2(n) times.
  size_t lines = 1;
  for (const char* p = text.data(); (p = static_cast<const char*>(
           std::memchr(p, '\n', static_cast<size_t>(text.data() + text.size() - p)))) != nullptr;
       ++p) {
    ++lines;
  }
  Reserve(size_ + lines);
  std::string lower;
  size_t i = 0;
  while (i < text.size()) {
    const char* nl = static_cast<const char*>(std::memchr(text.data() + i, '\n', text.size() - i));
    size_t end = nl ? static_cast<size_t>(nl - text.data()) : text.size();
    std::string_view line = text.substr(i, end - i);
    i = end + 1;
    while (!line.empty() && static_cast<unsigned char>(line.front()) <= ' ') line.remove_prefix(1);
    while (!line.empty() && static_cast<unsigned char>(line.back()) <= ' ') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (line.starts_with("*.")) line.remove_prefix(2);
    while (!line.empty() && line.back() == '.') line.remove_suffix(1);
    lower.assign(line);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    std::string_view d = lower;
    if (d.starts_with("www.")) d.remove_prefix(4);
    Add(d, category);
  }
}

bool Blocklist::Load(const std::vector<std::string>& paths, std::string* error) {
  // Files are read in blocks, so a list of millions of domains never sits in
  // memory twice: the arena is sized from the file size and the table from
  // the line length of the first block.
  auto load_file = [&](const fs::path& file, const std::string& category) {
    std::error_code ec;
    const uintmax_t file_size = fs::file_size(file, ec);
    std::FILE* f = std::fopen(file.c_str(), "rb");
    if (!f || ec) {
      if (f) std::fclose(f);
      *error = "cannot read blocklist " + file.string();
      return false;
    }
    arena_.reserve(arena_.size() + static_cast<size_t>(file_size));
    constexpr size_t kBlock = 4 << 20;
    std::string block;
    std::vector<char> buf(kBlock);
    bool first = true;
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) {
      block.append(buf.data(), n);
      size_t last_nl = block.rfind('\n');
      if (last_nl == std::string::npos) continue;
      std::string_view whole(block.data(), last_nl + 1);
      if (first) {
        size_t lines = static_cast<size_t>(std::count(whole.begin(), whole.end(), '\n'));
        Reserve(size_ + static_cast<size_t>(static_cast<double>(file_size) * lines / whole.size()) + 1);
        first = false;
      }
      AddDomains(whole, category);
      block.erase(0, last_nl + 1);
    }
    bool ok = !std::ferror(f);
    std::fclose(f);
    if (!ok) {
      *error = "cannot read blocklist " + file.string();
      return false;
    }
    AddDomains(block, category);
    sources_.push_back(file.string());
    return true;
  };
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::path path(p);
    if (fs::is_directory(path, ec)) {
      if (fs::is_regular_file(path / "domains", ec)) {
        if (!load_file(path / "domains", path.filename().string())) return false;
        continue;
      }
      std::map<std::string, fs::path> categories;  // sorted: the same ids every run
      for (const auto& entry : fs::directory_iterator(path, ec)) {
        fs::path domains = entry.path() / "domains";
        if (entry.is_directory() && fs::is_regular_file(domains, ec)) {
          categories.emplace(entry.path().filename().string(), domains);
        }
      }
      if (ec) {
        *error = "cannot read blocklist folder " + p;
        return false;
      }
      if (categories.empty()) {
        *error = "blocklist folder " + p + " has no <category>/domains file";
        return false;
      }
      for (const auto& [category, file] : categories) {
        if (!load_file(file, category)) return false;
      }
    } else if (fs::is_regular_file(path, ec)) {
      if (!load_file(path, path.stem().string())) return false;
    } else {
      *error = "blocklist " + p + " is neither a file nor a folder";
      return false;
    }
  }
  return true;
}

std::optional<Blocklist::Match> Blocklist::Find(std::string_view domain) const {
  if (table_.empty() || domain.empty() || domain.size() > kLengthMask) return std::nullopt;
  const uint64_t hash = Hash(domain);
  const uint64_t tag = (hash >> 52) & kTagMask;
  const size_t mask = table_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    uint64_t slot = table_[i];
    if (slot == 0) return std::nullopt;
    if (((slot >> kTagShift) & kTagMask) != tag) continue;
    if (((slot >> kLengthShift) & kLengthMask) != domain.size()) continue;
    const char* p = arena_.data() + (slot & 0xFFFFFFFFu) - 1;
    if (std::memcmp(p, domain.data(), domain.size()) != 0) continue;
    return Match{std::string_view(p, domain.size()),
                 categories_[(slot >> kCategoryShift) & kCategoryMask]};
  }
}

std::optional<Blocklist::Match> Blocklist::FindHost(std::string_view host,
                                                    std::string_view registered) const {
  if (host.starts_with("www.")) host.remove_prefix(4);
  while (!host.empty()) {
    if (auto m = Find(host)) return m;
    if (host.size() <= registered.size()) break;
    size_t dot = host.find('.');
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  return std::nullopt;
}

std::shared_ptr<const Blocklist> SharedBlocklist(const std::vector<std::string>& paths,
                                                 std::string* error) {
  struct Entry {
    std::shared_ptr<const Blocklist> list;
    std::string error;
  };
  static std::mutex mu;
  static std::map<std::vector<std::string>, Entry> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(paths);
  if (it == cache.end()) {
    Entry e;
    auto list = std::make_shared<Blocklist>();
    if (list->Load(paths, &e.error)) {
      e.list = std::move(list);
    } else {
      std::fprintf(stderr, "newslint: links/blocklisted-domain: %s\n", e.error.c_str());
    }
    it = cache.emplace(paths, std::move(e)).first;
  }
  if (error) *error = it->second.error;
  return it->second.list;
}

}  // namespace newslint::links
