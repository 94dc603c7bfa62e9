#include "address/AddressMatcher.h"

#include <algorithm>
#include <array>

#include "address/WrittenType.h"

namespace cccd::address {

namespace {

constexpr std::size_t MaxNameWords = 12; // "Khu vực bãi bồi ven biển do huyện Kim Sơn quản lý"
constexpr int MatchScore = 100;
constexpr int TypeAgreesScore = 6;
constexpr int TypeOfLevelScore = 2;
constexpr int AlignedScore = 4;
constexpr int StrictScore = 2;

bool isNumber(const std::string& key) {
    return !key.empty() && key.find_first_not_of("0123456789") == std::string::npos;
}

// Words that start a street, village or house part: a name right after one is not a commune's.
bool isStreetWord(const AddressWord& word) {
    static const std::array<std::string, 18> words = [] {
        std::array<std::string, 18> keys;
        constexpr std::array<const char*, 18> written{
            "Đường", "Phố", "Ngõ",  "Ngách", "Hẻm", "Kiệt", "Số",   "Thôn", "Xóm",
            "Ấp",    "Bản", "Khóm", "Tổ",    "Khu", "Buôn", "Làng", "Đội",  "Tòa"};
        for (std::size_t i = 0; i < written.size(); ++i) {
            keys[i] = nameKey(written[i]);
        }
        return keys;
    }();
    return std::find(words.begin(), words.end(), word.strict) != words.end();
}

} // namespace

std::vector<UnitMatch> unitsEndingAt(const AddressText& text, std::size_t end, UnitLevel level,
                                     const UnitFinder& find,
                                     const std::function<UnitType(std::size_t)>& typeOf) {
    std::vector<UnitMatch> matches;
    const auto& words = text.words;
    for (std::size_t length = 1; length <= MaxNameWords && length <= end; ++length) {
        std::size_t begin = end - length;
        if (length > 1 && words[begin + 1].startsPart) {
            break; // a name never spans a comma
        }
        std::string key = joinStrict(words, begin, end);
        bool strict = true;
        std::vector<std::size_t> units = find(key, false);
        if (units.empty()) {
            units = find(joinLoose(words, begin, end), true);
            strict = false;
        }
        auto written = writtenTypeBefore(text, begin);
        for (std::size_t unit : units) {
            if (written && !written->names(level)) {
                continue;
            }
            if (isNumber(key) && !written) {
                continue;
            }
            std::size_t left = written ? written->begin : begin;
            bool aligned = written || words[left].startsPart;
            if (!aligned && level != UnitLevel::Province && left > 0 &&
                isStreetWord(words[left - 1])) {
                continue;
            }
            int score = MatchScore + (aligned ? AlignedScore : 0) + (strict ? StrictScore : 0);
            if (written) {
                score += written->names(typeOf(unit)) ? TypeAgreesScore : TypeOfLevelScore;
            }
            matches.push_back({unit, left, end, score});
        }
    }
    return matches;
}

std::size_t addressEnd(const AddressText& text) {
    std::size_t end = text.words.size();
    if (end >= 2 && joinLoose(text.words, end - 2, end) == "viet nam") {
        return end - 2;
    }
    if (end >= 1 && text.words[end - 1].loose == "vn") {
        return end - 1;
    }
    return end;
}

std::string writtenText(const AddressText& text, std::size_t left, std::size_t end) {
    if (left >= end) {
        return {};
    }
    std::size_t from = text.words[left].begin;
    std::size_t to = text.words[end - 1].end;
    // Keep the full stop of an abbreviated type or name ("TP.", "P.") inside the span.
    if (to < text.text.size() && text.text[to] == '.' && text.words[end - 1].abbreviation) {
        ++to;
    }
    return text.text.substr(from, to - from);
}

std::string textBefore(const AddressText& text, std::size_t end) {
    if (end == 0) {
        return {};
    }
    std::string out =
        end < text.words.size() ? text.text.substr(0, text.words[end].begin) : text.text;
    std::size_t last = out.find_last_not_of(" \t\r\n,;-");
    out.erase(last == std::string::npos ? 0 : last + 1);
    std::size_t first = out.find_first_not_of(" \t\r\n,;-");
    return first == std::string::npos ? std::string{} : out.substr(first);
}

} // namespace cccd::address
