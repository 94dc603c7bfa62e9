#include "emulator/qr/CardQrPayload.h"

#include <cstdio>

namespace cccd::emulator {

namespace {

// cccd.md §4.1: dates as ddmmyyyy, no separators.
std::string ddmmyyyy(const std::chrono::year_month_day& date) {
    char text[16];
    std::snprintf(text, sizeof text, "%02u%02u%04d", static_cast<unsigned>(date.day()),
                  static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
    return text;
}

} // namespace

std::string_view cardQrLayoutName(CardQrLayout layout) {
    switch (layout) {
    case CardQrLayout::Cccd2021:
        return "2021";
    case CardQrLayout::CanCuoc2024:
        return "2024";
    }
    return "2021";
}

std::string cardQrPayload(const Persona& persona, CardQrLayout layout) {
    // cccd.md §4.1: seven fields separated by '|'; the old-ID field stays when empty.
    std::string text = persona.personalIdNumber;
    text += '|' + persona.oldIdNumber.value_or("");
    text += '|' + persona.fullName;
    text += '|' + ddmmyyyy(persona.dateOfBirth);
    text += persona.sex == 'F' ? "|N\xE1\xBB\xAF" : "|Nam"; // "Nữ" in UTF-8
    text += '|' + persona.placeOfResidence;
    text += '|' + ddmmyyyy(persona.dateOfIssue);
    if (layout == CardQrLayout::CanCuoc2024) {
        text += "||||"; // cccd.md §4.2: four more fields, empty on adults' cards
    }
    return text;
}

} // namespace cccd::emulator
