#include "kiosk/core/LocalizedText.h"

namespace cccd::kiosk {

std::string_view languageCode(Language language) {
    return language == Language::English ? "en" : "vi";
}

} // namespace cccd::kiosk
