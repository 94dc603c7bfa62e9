#include "lds/Dg13Date.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>

namespace cccd::lds {

namespace {

bool digits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

int toNumber(std::string_view text) {
    int out = 0;
    for (char c : text) {
        out = out * 10 + (c - '0');
    }
    return out;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace

Dg13Date Dg13Date::fromText(std::string_view text) {
    Dg13Date out{std::string(text), std::nullopt};
    std::string_view t = trimmed(text);
    if (t.size() != 10 || t[2] != '/' || t[5] != '/' || !digits(t.substr(0, 2)) ||
        !digits(t.substr(3, 2)) || !digits(t.substr(6, 4))) {
        return out;
    }
    int day = toNumber(t.substr(0, 2));
    int month = toNumber(t.substr(3, 2));
    int year = toNumber(t.substr(6, 4));
    std::chrono::year_month_day date{std::chrono::year{year},
                                     std::chrono::month{static_cast<unsigned>(month)},
                                     std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok()) {
        return out;
    }
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    out.iso = buffer;
    return out;
}

bool Dg13Date::saysNoExpiry() const {
    static constexpr std::array<std::string_view, 9> Phrases = {
        "không thời hạn", "Không thời hạn", "KHÔNG THỜI HẠN", "vô thời hạn", "Vô thời hạn",
        "VÔ THỜI HẠN",    "vĩnh viễn",      "Vĩnh viễn",      "VĨNH VIỄN"};
    std::string_view t = trimmed(raw);
    for (std::string_view phrase : Phrases) {
        if (t == phrase) {
            return true;
        }
    }
    return false;
}

bool isValidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        auto lead = static_cast<unsigned char>(text[i]);
        std::size_t count = 0;
        std::uint32_t cp = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if ((lead & 0xE0) == 0xC0) {
            count = 1;
            cp = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            count = 2;
            cp = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            count = 3;
            cp = lead & 0x07;
        } else {
            return false;
        }
        if (i + count >= text.size()) {
            return false;
        }
        for (std::size_t k = 1; k <= count; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                return false;
            }
            cp = cp << 6 | (next & 0x3F);
        }
        static constexpr std::uint32_t Minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < Minimum[count] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += count + 1;
    }
    return true;
}

} // namespace cccd::lds
