#pragma once

#include <string>
#include <string_view>

namespace cccd::kiosk {

/// The kiosk's languages: Vietnamese first, English second.
enum class Language { Vietnamese, English };

/// "vi" / "en".
[[nodiscard]] std::string_view languageCode(Language language);

/// A text in both languages, as forms carry their labels.
struct LocalizedText {
    std::string vi;
    std::string en;

    /// The text in `language`, or the Vietnamese one when the English is missing.
    [[nodiscard]] const std::string& in(Language language) const {
        return language == Language::English && !en.empty() ? en : vi;
    }
};

} // namespace cccd::kiosk
