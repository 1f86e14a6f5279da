// newslint: SHA-256 (FIPS 180-4), for the HTML report's Content-Security-
// Policy: the page allows only its own inline script and style, named by
// their hashes ('sha256-<base64>'), so it needs a digest and no library.
// Small and unhurried (a few kB of CSS and JS per page); not for bulk data.

#ifndef NEWSLINT_REPORTS_SHA256_H_
#define NEWSLINT_REPORTS_SHA256_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace newslint {

// The 32-byte SHA-256 digest of `data`.
std::array<uint8_t, 32> Sha256(std::string_view data);
// The digest as 64 lower-case hex digits (what sha256sum prints).
std::string Sha256Hex(std::string_view data);
// The digest in standard padded base64, as a CSP hash source wants it.
std::string Sha256Base64(std::string_view data);

}  // namespace newslint

#endif  // NEWSLINT_REPORTS_SHA256_H_
