#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cccd::qr {

/// What a USB QR scanner in keyboard mode ("keyboard wedge") types, assembled into payloads. Some
/// scanners end with Enter, some send nothing after the last character (cccd.md §4.3): a payload
/// ends at CR or LF, at the 10th separator when the text ends in "||||" (the 2024 layout with its
/// four empty fields, which all samples have), or when the caller's idle timer calls flush().
/// The text is personal data: it is wiped, never logged.
class WedgeScanner {
public:
    WedgeScanner() = default;
    WedgeScanner(const WedgeScanner&) = delete;
    WedgeScanner& operator=(const WedgeScanner&) = delete;
    ~WedgeScanner();

    /// Adds typed UTF-8 text; returns the payloads it completed, in order.
    [[nodiscard]] std::vector<std::string> feed(std::string_view typed);

    /// The pending text once the keyboard has gone quiet (e.g. 150 ms without a key), if any:
    /// how a 7-field payload without Enter ends.
    [[nodiscard]] std::optional<std::string> flush();

    [[nodiscard]] bool pending() const { return !m_text.empty(); }

    /// Drops the pending text (the session ended).
    void clear();

private:
    std::string m_text;
    std::size_t m_separators = 0;
};

} // namespace cccd::qr
