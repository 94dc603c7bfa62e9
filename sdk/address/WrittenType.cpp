#include "address/WrittenType.h"

#include <algorithm>
#include <string>

namespace cccd::address {

namespace {

struct Phrase {
    std::string key; ///< strict key, or loose key when `plainOnly`
    std::size_t words = 1;
    bool needsFullStop = false; ///< one-letter abbreviations: "P." but not the letter P
    bool plainOnly = false;     ///< for text written without diacritics
    std::vector<UnitType> types;
};

std::vector<Phrase> makePhrases() {
    const std::vector<UnitType> cities{UnitType::CentralCity, UnitType::ProvincialCity,
                                       UnitType::MunicipalCity};

    struct Written {
        const char* text;
        std::vector<UnitType> types;
    };

    const std::vector<Written> full{
        {"Tỉnh", {UnitType::Province}},       {"Thành phố", cities},
        {"Quận", {UnitType::UrbanDistrict}},  {"Huyện", {UnitType::RuralDistrict}},
        {"Thị xã", {UnitType::DistrictTown}}, {"Phường", {UnitType::Ward}},
        {"Xã", {UnitType::Commune}},          {"Thị trấn", {UnitType::Township}},
        {"Đặc khu", {UnitType::SpecialZone}},
    };
    std::vector<Phrase> phrases;
    for (const Written& w : full) {
        AddressText text = splitAddress(w.text);
        std::size_t n = text.words.size();
        phrases.push_back({joinStrict(text.words, 0, n), n, false, false, w.types});
        phrases.push_back({joinLoose(text.words, 0, n), n, false, true, w.types});
    }
    // Abbreviations used on forms and in registers.
    phrases.push_back({"t", 1, true, false, {UnitType::Province}});
    phrases.push_back({"tp", 1, false, false, cities});
    phrases.push_back({"q", 1, true, false, {UnitType::UrbanDistrict}});
    phrases.push_back({"h", 1, true, false, {UnitType::RuralDistrict}});
    phrases.push_back({"tx", 1, false, false, {UnitType::DistrictTown}});
    phrases.push_back({"p", 1, true, false, {UnitType::Ward}});
    phrases.push_back({"x", 1, true, false, {UnitType::Commune}});
    phrases.push_back({"tt", 1, false, false, {UnitType::Township}});
    // Longest first: "Thị xã" before "Xã".
    std::stable_sort(phrases.begin(), phrases.end(),
                     [](const Phrase& a, const Phrase& b) { return a.words > b.words; });
    return phrases;
}

const std::vector<Phrase>& phrases() {
    static const std::vector<Phrase> all = makePhrases();
    return all;
}

bool matches(const Phrase& phrase, const AddressText& text, std::size_t begin) {
    std::size_t end = begin + phrase.words;
    if (end > text.words.size() || (phrase.plainOnly && !text.plain)) {
        return false;
    }
    for (std::size_t i = begin + 1; i < end; ++i) {
        if (text.words[i].startsPart) {
            return false;
        }
    }
    if (phrase.needsFullStop && !text.words[begin].abbreviation) {
        return false;
    }
    std::string key =
        phrase.plainOnly ? joinLoose(text.words, begin, end) : joinStrict(text.words, begin, end);
    return key == phrase.key;
}

} // namespace

bool WrittenType::names(UnitLevel level) const {
    return std::any_of(types.begin(), types.end(),
                       [level](UnitType type) { return unitLevel(type) == level; });
}

bool WrittenType::names(UnitType type) const {
    return std::find(types.begin(), types.end(), type) != types.end();
}

std::optional<WrittenType> writtenTypeBefore(const AddressText& text, std::size_t nameBegin) {
    if (nameBegin == 0 || nameBegin > text.words.size() ||
        (nameBegin < text.words.size() && text.words[nameBegin].startsPart)) {
        return std::nullopt;
    }
    for (const Phrase& phrase : phrases()) {
        if (phrase.words <= nameBegin && matches(phrase, text, nameBegin - phrase.words)) {
            return WrittenType{nameBegin - phrase.words, phrase.types};
        }
    }
    return std::nullopt;
}

std::optional<WrittenType> writtenTypeAt(const AddressText& text, std::size_t begin,
                                         std::size_t* length) {
    for (const Phrase& phrase : phrases()) {
        if (matches(phrase, text, begin)) {
            *length = phrase.words;
            return WrittenType{begin, phrase.types};
        }
    }
    return std::nullopt;
}

} // namespace cccd::address
