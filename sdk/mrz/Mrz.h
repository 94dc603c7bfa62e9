#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mrz/MrzDate.h"

namespace cccd::mrz {

/// The three machine readable zone layouts of ICAO 9303-5 (TD1, ID cards, 3 x 30), 9303-6
/// (TD2, 2 x 36) and 9303-4 (TD3, passports, 2 x 44).
enum class MrzFormat { Td1, Td2, Td3 };

/// The field a check digit protects (ICAO 9303-3 §4.9).
enum class MrzCheckField {
    DocumentNumber,
    PersonalIdNumber, ///< Vietnamese TD1: the 12-digit ID in optional data 1 (cccd.md §2.1)
    OptionalData,     ///< TD3 personal number (ICAO 9303-4 §4.2.2, line 2 position 43)
    BirthDate,
    ExpiryDate,
    Composite,
};

/// One check digit as printed and as recomputed. A failed check is data, not an error.
struct CheckDigitResult {
    MrzCheckField field = MrzCheckField::DocumentNumber;
    char printed = '<';
    std::optional<char> computed; ///< nullopt when the protected data has no valid digit

    [[nodiscard]] bool valid() const { return computed && *computed == printed; }
};

enum class Sex { Male, Female, Unspecified };

/// A parsed MRZ. Holds personal data: never log it.
struct Mrz {
    MrzFormat format = MrzFormat::Td1;
    std::string text; ///< the MRZ characters as parsed, without line breaks

    std::string documentCode; ///< e.g. "ID", "I", "P" (fillers removed)
    std::string issuingState; ///< e.g. "VNM", "D" (fillers removed)
    /// The whole document number, fillers removed. A TD1/TD2 number longer than 9 characters is
    /// joined from the number field and the optional data (ICAO 9303-5 §4.2.4, 9303-6 §4.2.4).
    std::string documentNumber;
    char documentNumberCheckDigit = '<';
    std::string optionalData1; ///< as printed, including any document number overflow
    std::string optionalData2; ///< TD1 line 2 positions 19-29; empty for TD2 and TD3
    MrzDate birthDate;
    MrzDate expiryDate;
    char sexCode = '<'; ///< as printed: 'M', 'F' or '<' (some states print 'X')
    Sex sex = Sex::Unspecified;
    std::string nationality;
    std::string primaryIdentifier;   ///< surname(s), '<' turned into spaces
    std::string secondaryIdentifier; ///< given name(s), '<' turned into spaces
    /// Vietnamese card (issuing state VNM, TD1): the 12-digit personal ID number printed in
    /// optional data 1, line 1 positions 16-27 (cccd.md §2.1).
    std::optional<std::string> personalIdNumber;

    /// In MRZ order: document number, [personal ID or optional data], birth, expiry, composite.
    std::vector<CheckDigitResult> checks;

    [[nodiscard]] bool allChecksValid() const;
    [[nodiscard]] std::optional<CheckDigitResult> check(MrzCheckField field) const;

    /// Parses 90 (TD1), 72 (TD2) or 88 (TD3) MRZ characters; line breaks are ignored. A
    /// wrong check digit is reported in `checks`; a wrong length or a character outside
    /// A-Z, 0-9, '<' throws Error(MalformedData).
    [[nodiscard]] static Mrz parse(std::string_view text);

    /// As parse(text), resolving the century of the birth date against the given day.
    [[nodiscard]] static Mrz parse(std::string_view text, std::chrono::year_month_day today);
};

} // namespace cccd::mrz
