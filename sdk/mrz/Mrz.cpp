#include "mrz/Mrz.h"

#include <algorithm>

#include "base/Error.h"
#include "mrz/CheckDigit.h"

namespace cccd::mrz {

namespace {

constexpr std::size_t Td1Length = 90;
constexpr std::size_t Td2Length = 72;
constexpr std::size_t Td3Length = 88;
constexpr std::size_t DocumentNumberField = 9;
constexpr std::size_t VietnameseIdDigits = 12;

[[noreturn]] void malformed(const std::string& what) {
    throw Error(ErrorCode::MalformedData, "MRZ: " + what);
}

bool isMrzCharacter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<';
}

std::string trimFillers(std::string_view field) {
    std::size_t end = field.find_last_not_of('<');
    return end == std::string_view::npos ? std::string() : std::string(field.substr(0, end + 1));
}

// Name field (ICAO 9303-3 §4.6): primary and secondary identifiers separated by "<<", the parts
// of each separated by single '<'.
std::string nameComponent(std::string_view part) {
    std::string out;
    for (char c : trimFillers(part)) {
        out += c == '<' ? ' ' : c;
    }
    // Runs of fillers inside a component collapse to one space.
    out.erase(
        std::unique(out.begin(), out.end(), [](char a, char b) { return a == ' ' && b == ' '; }),
        out.end());
    return out;
}

void splitName(std::string_view field, Mrz& out) {
    std::size_t separator = field.find("<<");
    out.primaryIdentifier = nameComponent(field.substr(0, separator));
    if (separator != std::string_view::npos) {
        out.secondaryIdentifier = nameComponent(field.substr(separator + 2));
    }
}

CheckDigitResult makeCheck(MrzCheckField field, std::string_view data, char printed) {
    return CheckDigitResult{field, printed, checkDigit(data)};
}

// ICAO 9303-5 §4.2.4 (TD1) and 9303-6 §4.2.4 (TD2): a number longer than 9 characters puts its
// first 9 characters in the number field and '<' in the check digit position; the rest follows
// at the start of the optional data, then the check digit over the whole number, then '<'.
void readDocumentNumber(std::string_view field, char checkPosition, std::string_view optional,
                        Mrz& out) {
    out.documentNumber = trimFillers(field);
    out.documentNumberCheckDigit = checkPosition;
    if (checkPosition != '<' || optional.empty() || optional.front() == '<') {
        return;
    }
    std::string_view overflow = optional.substr(0, optional.find('<'));
    out.documentNumber = std::string(field) + std::string(overflow.substr(0, overflow.size() - 1));
    out.documentNumberCheckDigit = overflow.back();
}

void setSex(char code, Mrz& out) {
    out.sexCode = code;
    out.sex = code == 'M' ? Sex::Male : code == 'F' ? Sex::Female : Sex::Unspecified;
}

// Line 2 of TD2 and TD3 share positions 1-28 (ICAO 9303-4 §4.2.2, 9303-6 §4.2.2).
void parseTd2Or3(std::string_view l1, std::string_view l2, std::size_t optionalEnd,
                 std::chrono::year_month_day today, Mrz& out) {
    out.documentCode = trimFillers(l1.substr(0, 2));
    out.issuingState = trimFillers(l1.substr(2, 3));
    splitName(l1.substr(5), out);
    out.optionalData1 = std::string(l2.substr(28, optionalEnd - 28));
    if (out.format == MrzFormat::Td2) {
        readDocumentNumber(l2.substr(0, DocumentNumberField), l2[9], out.optionalData1, out);
    } else {
        readDocumentNumber(l2.substr(0, DocumentNumberField), l2[9], {}, out);
    }
    out.nationality = trimFillers(l2.substr(10, 3));
    out.birthDate = birthDate(l2.substr(13, 6), today);
    setSex(l2[20], out);
    out.expiryDate = expiryDate(l2.substr(21, 6));

    out.checks.push_back(
        makeCheck(MrzCheckField::DocumentNumber, out.documentNumber, out.documentNumberCheckDigit));
    if (out.format == MrzFormat::Td3) {
        // ICAO 9303-4 §4.2.2: the personal number check digit may be '<' when the field is all
        // fillers; that counts as valid.
        std::string_view personal = l2.substr(28, 14);
        auto result = makeCheck(MrzCheckField::OptionalData, personal, l2[42]);
        if (l2[42] == '<' && trimFillers(personal).empty()) {
            result.computed = '<';
        }
        out.checks.push_back(result);
    }
    out.checks.push_back(makeCheck(MrzCheckField::BirthDate, l2.substr(13, 6), l2[19]));
    out.checks.push_back(makeCheck(MrzCheckField::ExpiryDate, l2.substr(21, 6), l2[27]));
    // Composite (9303-4 §4.2.2.2, 9303-6 §4.2.2.2): number, birth and expiry with their check
    // digits and the optional data, i.e. everything on line 2 but nationality and sex.
    std::string composite = std::string(l2.substr(0, 10)) + std::string(l2.substr(13, 7)) +
                            std::string(l2.substr(21, l2.size() - 1 - 21));
    out.checks.push_back(makeCheck(MrzCheckField::Composite, composite, l2.back()));
}

// ICAO 9303-5 §4.2.2 (TD1 layout); cccd.md §2.1 for the Vietnamese use of optional data 1.
void parseTd1(std::string_view mrz, std::chrono::year_month_day today, Mrz& out) {
    std::string_view l1 = mrz.substr(0, 30);
    std::string_view l2 = mrz.substr(30, 30);
    std::string_view l3 = mrz.substr(60, 30);

    out.documentCode = trimFillers(l1.substr(0, 2));
    out.issuingState = trimFillers(l1.substr(2, 3));
    out.optionalData1 = std::string(l1.substr(15, 15));
    readDocumentNumber(l1.substr(5, DocumentNumberField), l1[14], out.optionalData1, out);
    out.birthDate = birthDate(l2.substr(0, 6), today);
    setSex(l2[7], out);
    out.expiryDate = expiryDate(l2.substr(8, 6));
    out.nationality = trimFillers(l2.substr(15, 3));
    out.optionalData2 = std::string(l2.substr(18, 11));
    splitName(l3, out);

    out.checks.push_back(
        makeCheck(MrzCheckField::DocumentNumber, out.documentNumber, out.documentNumberCheckDigit));
    std::string_view idDigits = l1.substr(15, VietnameseIdDigits);
    bool vietnameseId =
        out.issuingState == "VNM" &&
        std::all_of(idDigits.begin(), idDigits.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (vietnameseId) {
        out.personalIdNumber = std::string(idDigits);
        out.checks.push_back(makeCheck(MrzCheckField::PersonalIdNumber, l1.substr(15, 14), l1[29]));
    }
    out.checks.push_back(makeCheck(MrzCheckField::BirthDate, l2.substr(0, 6), l2[6]));
    out.checks.push_back(makeCheck(MrzCheckField::ExpiryDate, l2.substr(8, 6), l2[14]));
    std::string composite = std::string(l1.substr(5, 25)) + std::string(l2.substr(0, 7)) +
                            std::string(l2.substr(8, 7)) + std::string(l2.substr(18, 11));
    out.checks.push_back(makeCheck(MrzCheckField::Composite, composite, l2[29]));
}

} // namespace

bool Mrz::allChecksValid() const {
    return std::all_of(checks.begin(), checks.end(),
                       [](const CheckDigitResult& c) { return c.valid(); });
}

std::optional<CheckDigitResult> Mrz::check(MrzCheckField field) const {
    for (const auto& c : checks) {
        if (c.field == field) {
            return c;
        }
    }
    return std::nullopt;
}

Mrz Mrz::parse(std::string_view text) {
    return parse(text, today());
}

Mrz Mrz::parse(std::string_view text, std::chrono::year_month_day today) {
    Mrz out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n' || c == '\r') {
            continue;
        }
        if (!isMrzCharacter(c)) {
            malformed("character outside the MRZ set at position " + std::to_string(i));
        }
        out.text += c;
    }

    switch (out.text.size()) {
    case Td1Length:
        out.format = MrzFormat::Td1;
        parseTd1(out.text, today, out);
        break;
    case Td2Length:
        out.format = MrzFormat::Td2;
        parseTd2Or3(std::string_view(out.text).substr(0, 36), std::string_view(out.text).substr(36),
                    35, today, out);
        break;
    case Td3Length:
        out.format = MrzFormat::Td3;
        parseTd2Or3(std::string_view(out.text).substr(0, 44), std::string_view(out.text).substr(44),
                    42, today, out);
        break;
    default:
        malformed("length " + std::to_string(out.text.size()) + " is not TD1, TD2 or TD3");
    }
    return out;
}

} // namespace cccd::mrz
