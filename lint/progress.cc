#include "lint/progress.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

namespace newslint {
namespace {

std::string Thousands(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out = n < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// Megabytes with one decimal and thousands separators: 2,310.4.
std::string Megabytes(uint64_t bytes) {
  int64_t tenths = static_cast<int64_t>(std::llround(static_cast<double>(bytes) / 1e5));
  return Thousands(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::string Duration(double seconds) {
  int64_t s = static_cast<int64_t>(std::ceil(seconds));
  char buf[32];
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "%llds", static_cast<long long>(s));
  } else if (s < 3600) {
    std::snprintf(buf, sizeof buf, "%lldm%02llds", static_cast<long long>(s / 60),
                  static_cast<long long>(s % 60));
  } else {
    std::snprintf(buf, sizeof buf, "%lldh%02lldm", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60));
  }
  return buf;
}

}  // namespace

std::string FormatProgressLine(const ProgressCounters& c) {
  std::string line = "newslint: " + Thousands(c.articles) +
                     (c.articles == 1 ? " article, " : " articles, ");
  const bool total = c.total_known && c.bytes_total > 0;
  // Read-ahead can pass the planned total by a buffer; never show > 100%.
  const uint64_t done = total ? std::min(c.bytes_done, c.bytes_total) : c.bytes_done;
  line += Megabytes(done);
  if (total) {
    char percent[16];
    std::snprintf(percent, sizeof percent, "%.1f%%",
                  100.0 * static_cast<double>(done) / static_cast<double>(c.bytes_total));
    line += " of " + Megabytes(c.bytes_total) + " MB (" + percent + ")";
  } else {
    line += " MB";
  }
  const double rate = c.elapsed_seconds > 0 ? static_cast<double>(done) / c.elapsed_seconds : 0;
  if (rate <= 0) {
    line += ", -- MB/s";
    if (total) line += ", ETA --";
    return line;
  }
  char mbps[32];
  std::snprintf(mbps, sizeof mbps, ", %.1f MB/s", rate / 1e6);
  line += mbps;
  if (total) line += ", ETA " + Duration(static_cast<double>(c.bytes_total - done) / rate);
  return line;
}

ProgressLine::ProgressLine(std::FILE* out, uint64_t bytes_total, bool total_known,
                           std::function<double()> now)
    : out_(out), bytes_total_(bytes_total), total_known_(total_known), now_(std::move(now)) {
  if (!now_) {
    now_ = [] {
      return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
          .count();
    };
  }
  started_ = now_();
}

void ProgressLine::Update(int64_t articles, uint64_t bytes_done) {
  const double t = now_();
  if (last_draw_ >= 0 && t - last_draw_ < kRedrawSeconds) return;
  last_draw_ = t;
  ProgressCounters c;
  c.articles = articles;
  c.bytes_done = bytes_done;
  c.bytes_total = bytes_total_;
  c.total_known = total_known_;
  c.elapsed_seconds = t - started_;
  Draw(FormatProgressLine(c));
}

void ProgressLine::Draw(const std::string& line) {
  // "\r", the line, then blanks over whatever a longer previous line left.
  std::string out = "\r" + line;
  if (line.size() < drawn_width_) out.append(drawn_width_ - line.size(), ' ');
  drawn_width_ = std::max(line.size(), size_t{1});
  std::fwrite(out.data(), 1, out.size(), out_);
  std::fflush(out_);
}

void ProgressLine::Finish() {
  if (drawn_width_ == 0) return;
  std::string blank(drawn_width_ + 2, ' ');  // "\r", spaces, "\r"
  blank.front() = '\r';
  blank.back() = '\r';
  std::fwrite(blank.data(), 1, blank.size(), out_);
  std::fflush(out_);
  drawn_width_ = 0;
}

}  // namespace newslint
