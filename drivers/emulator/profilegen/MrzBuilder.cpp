#include "emulator/profilegen/MrzBuilder.h"

#include <cstdio>

#include "base/Error.h"
#include "mrz/CheckDigit.h"

namespace cccd::emulator {

namespace {

constexpr std::size_t LineLength = 30;
constexpr const char* NoExpiry = "991231";

char check(std::string_view field) {
    std::optional<char> digit = mrz::checkDigit(field);
    if (!digit) {
        throw Error(ErrorCode::InvalidArgument, "MRZ field with characters outside A-Z 0-9 <");
    }
    return *digit;
}

// Name field of line 3: SURNAME<<GIVEN<NAMES, spaces as fillers, cut at 30 (ICAO 9303-3 §4.6).
std::string nameField(const Persona& persona) {
    std::string name = persona.mrzSurname + "<<" + persona.mrzGivenNames;
    for (char& c : name) {
        if (c == ' ') {
            c = '<';
        } else if ((c < 'A' || c > 'Z') && c != '<') {
            throw Error(ErrorCode::InvalidArgument, "MRZ name must be A-Z without diacritics");
        }
    }
    name.resize(LineLength, '<');
    return name;
}

} // namespace

std::string mrzDate(const std::chrono::year_month_day& date) {
    char text[32];
    std::snprintf(text, sizeof text, "%02d%02u%02u", int(date.year()) % 100, unsigned(date.month()),
                  unsigned(date.day()));
    return text;
}

VietnameseMrz buildVietnameseMrz(const Persona& persona) {
    VietnameseMrz mrz;

    // Line 1: ID, VNM, document number (ID digits 4-12) and its check digit, the 12-digit
    // personal ID in the optional data, fillers, the check digit over positions 16-29.
    std::string documentNumber = persona.personalIdNumber.substr(3);
    std::string optionalData = persona.personalIdNumber + "<<";
    mrz.line1 =
        "IDVNM" + documentNumber + check(documentNumber) + optionalData + check(optionalData);

    // Line 2: DOB, sex, expiry, nationality, fillers, composite check digit (9303-5 §4.2.2).
    std::string birth = mrzDate(persona.dateOfBirth);
    std::string expiry = persona.dateOfExpiry ? mrzDate(*persona.dateOfExpiry) : NoExpiry;
    mrz.line2 =
        birth + check(birth) + persona.sex + expiry + check(expiry) + "VNM" + std::string(11, '<');
    std::string composite = mrz.line1.substr(5, 25) + mrz.line2.substr(0, 7) +
                            mrz.line2.substr(8, 7) + mrz.line2.substr(18, 11);
    mrz.line2 += check(composite);

    mrz.line3 = nameField(persona);
    mrz.mrzInformation =
        documentNumber + check(documentNumber) + birth + check(birth) + expiry + check(expiry);
    return mrz;
}

} // namespace cccd::emulator
