#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cccd::lds {

/// A date field of DG13: `dd/mm/yyyy` on the cards seen (cccd.md §3.4), or free text in
/// field 12 for cards without expiry (cccd.md §2.5 item 4).
struct Dg13Date {
    std::string raw;                ///< as written on the card
    std::optional<std::string> iso; ///< YYYY-MM-DD when raw is a valid dd/mm/yyyy date

    [[nodiscard]] static Dg13Date fromText(std::string_view text);

    /// raw is one of the phrases for "no expiry" (Không thời hạn, Vô thời hạn, Vĩnh viễn) in
    /// lower, capitalised or upper case, precomposed (NFC).
    [[nodiscard]] bool saysNoExpiry() const;
};

/// True for well-formed UTF-8 (RFC 3629: no overlong forms, surrogates or code points past
/// U+10FFFF).
[[nodiscard]] bool isValidUtf8(std::string_view text);

} // namespace cccd::lds
