#include "mrz/MrzRules.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace cccd::mrz {

namespace {

bool isLetter(char c) {
    return c >= 'A' && c <= 'Z';
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// The fields as printed, by layout: TD1 3 x 30 (9303-5 §4.2.2), TD2 2 x 36 (9303-6 §4.2.2),
// TD3 2 x 44 (9303-4 §4.2.2).
struct Fields {
    std::string_view documentCode;
    std::string_view issuingState;
    std::string_view nationality;
    std::string_view name;
};

std::optional<Fields> fieldsOf(const Mrz& mrz) {
    std::string_view text = mrz.text;
    switch (mrz.format) {
    case MrzFormat::Td1:
        if (text.size() != 90) {
            return std::nullopt;
        }
        return Fields{text.substr(0, 2), text.substr(2, 3), text.substr(45, 3),
                      text.substr(60, 30)};
    case MrzFormat::Td2:
        if (text.size() != 72) {
            return std::nullopt;
        }
        return Fields{text.substr(0, 2), text.substr(2, 3), text.substr(46, 3), text.substr(5, 31)};
    case MrzFormat::Td3:
        if (text.size() != 88) {
            return std::nullopt;
        }
        return Fields{text.substr(0, 2), text.substr(2, 3), text.substr(54, 3), text.substr(5, 39)};
    }
    return std::nullopt;
}

// 9303-4/-5/-6 §4.2.2: P for passports (TD3), A, C or I for official travel documents (TD1,
// TD2), V for visas (TD2, TD3); the second character is a letter or the filler.
bool validDocumentCode(std::string_view code, MrzFormat format) {
    std::string_view first;
    switch (format) {
    case MrzFormat::Td1:
        first = "ACI";
        break;
    case MrzFormat::Td2:
        first = "ACIV";
        break;
    case MrzFormat::Td3:
        first = "PV";
        break;
    }
    return first.find(code[0]) != std::string_view::npos && (isLetter(code[1]) || code[1] == '<');
}

// ICAO 9303-3: a three-letter code (ISO 3166-1 alpha-3 and ICAO's own), a shorter one padded
// with fillers ("D<<").
bool validStateCode(std::string_view code) {
    std::size_t letters = code.find('<');
    if (letters == std::string_view::npos) {
        letters = code.size();
    }
    return letters > 0 &&
           std::all_of(code.begin(), code.begin() + static_cast<long>(letters), isLetter) &&
           std::all_of(code.begin() + static_cast<long>(letters), code.end(),
                       [](char c) { return c == '<'; });
}

// ICAO 9303-3 §4.6: letters and fillers only, starting with the primary identifier.
std::optional<std::string> nameProblem(std::string_view name) {
    if (!isLetter(name.front())) {
        return "name: no primary identifier";
    }
    if (!std::all_of(name.begin(), name.end(), [](char c) { return isLetter(c) || c == '<'; })) {
        return "name: a character other than a letter or the filler";
    }
    return std::nullopt;
}

// ICAO 9303-3: YYMMDD; the birth date may leave the day, the month or the year unknown as "<<".
std::optional<std::string> birthDateProblem(std::string_view date) {
    if (date.size() != 6) {
        return "date of birth: not six characters";
    }
    for (std::size_t i = 0; i < 6; i += 2) {
        bool known = isDigit(date[i]) && isDigit(date[i + 1]);
        bool unknown = date[i] == '<' && date[i + 1] == '<';
        if (!known && !unknown) {
            return "date of birth: not YYMMDD digits or '<<' for an unknown part";
        }
    }
    auto part = [&date](std::size_t i) -> std::optional<int> {
        if (!isDigit(date[i])) {
            return std::nullopt;
        }
        return (date[i] - '0') * 10 + (date[i + 1] - '0');
    };
    std::optional<int> month = part(2);
    std::optional<int> day = part(4);
    bool inRange = (!month || (*month >= 1 && *month <= 12)) && (!day || (*day >= 1 && *day <= 31));
    bool complete = part(0) && month && day;
    if (!inRange || (complete && !isCalendarDate(date))) {
        return "date of birth: no such day";
    }
    return std::nullopt;
}

std::optional<std::string> expiryDateProblem(std::string_view date) {
    if (date == "<<<<<<") {
        return std::nullopt;
    }
    if (date.size() != 6 || !std::all_of(date.begin(), date.end(), isDigit)) {
        return "date of expiry: not YYMMDD digits";
    }
    if (!isCalendarDate(date)) {
        return "date of expiry: no such day";
    }
    return std::nullopt;
}

} // namespace

std::vector<std::string> fieldProblems(const Mrz& mrz) {
    std::optional<Fields> parsed = fieldsOf(mrz);
    if (!parsed) {
        return {"MRZ text of another length than its layout"};
    }
    const Fields& fields = *parsed;
    std::vector<std::string> out;
    if (!validDocumentCode(fields.documentCode, mrz.format)) {
        out.emplace_back("document code: not a document type of ICAO 9303");
    }
    if (!validStateCode(fields.issuingState)) {
        out.emplace_back("issuing state: not a three-letter code");
    }
    if (!validStateCode(fields.nationality)) {
        out.emplace_back("nationality: not a three-letter code");
    }
    if (std::optional<std::string> problem = nameProblem(fields.name)) {
        out.push_back(*problem);
    }
    if (std::optional<std::string> problem = birthDateProblem(mrz.birthDate.raw)) {
        out.push_back(*problem);
    }
    if (std::optional<std::string> problem = expiryDateProblem(mrz.expiryDate.raw)) {
        out.push_back(*problem);
    }
    // ICAO 9303-3 (8th edition): F, M, and '<' or X when unspecified.
    if (std::string_view("FMX<").find(mrz.sexCode) == std::string_view::npos) {
        out.emplace_back("sex: not F, M, X or '<'");
    }
    return out;
}

} // namespace cccd::mrz
