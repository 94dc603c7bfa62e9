#include "qr/WedgeScanner.h"

#include "base/SecureBytes.h"

namespace cccd::qr {

namespace {

// The 2024 layout: 11 fields, so 10 separators, the last four fields empty (cccd.md §4.2).
constexpr std::size_t SeparatorsOf2024Layout = 10;
constexpr std::string_view EmptyTail = "||||";

} // namespace

WedgeScanner::~WedgeScanner() {
    clear();
}

std::vector<std::string> WedgeScanner::feed(std::string_view typed) {
    std::vector<std::string> done;
    for (char c : typed) {
        if (c == '\r' || c == '\n') {
            if (std::optional<std::string> payload = flush()) {
                done.push_back(std::move(*payload));
            }
            continue;
        }
        m_text.push_back(c);
        if (c == '|' && ++m_separators == SeparatorsOf2024Layout &&
            std::string_view(m_text).ends_with(EmptyTail)) {
            done.push_back(*flush());
        }
    }
    return done;
}

std::optional<std::string> WedgeScanner::flush() {
    m_separators = 0;
    if (m_text.empty()) {
        return std::nullopt;
    }
    std::string out = m_text;
    cccd::wipe(m_text);
    return out;
}

void WedgeScanner::clear() {
    cccd::wipe(m_text);
    m_separators = 0;
}

} // namespace cccd::qr
