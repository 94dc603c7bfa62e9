#pragma once

#include <string>
#include <string_view>

#include "base/SecureBytes.h"

namespace cccd::mrz {

struct Mrz;

/// The three MRZ fields that open a chip with BAC or PACE-MRZ (ICAO 9303-11 §4.3.2 and §9.7):
/// a password. The fields live in wiping buffers (SecureBytes); never log them.
class MrzKey {
public:
    /// From typed values: the document number (1-22 characters A-Z, 0-9, '<'; lower-case letters
    /// are upper-cased; shorter than 9 is padded with '<'), the birth date YYMMDD and the expiry
    /// date YYMMDD (or `<<<<<<` for a card without expiry, cccd.md §2.5). Anything else throws
    /// Error(InvalidArgument).
    MrzKey(std::string_view documentNumber, std::string_view birthDate,
           std::string_view expiryDate);

    /// From a parsed MRZ: its full document number (long numbers included) and its dates exactly
    /// as printed (a date with unknown parts, e.g. `65<<<<`, stays as it is: the chip uses it).
    [[nodiscard]] static MrzKey fromMrz(const Mrz& mrz);

    /// At least 9 characters: a shorter number keeps its '<' fillers (ICAO 9303-11 App. D.2).
    /// The views last as long as the key.
    [[nodiscard]] std::string_view documentNumber() const { return text(m_documentNumber); }

    [[nodiscard]] std::string_view birthDate() const { return text(m_birthDate); }

    [[nodiscard]] std::string_view expiryDate() const { return text(m_expiryDate); }

    /// "MRZ information" of ICAO 9303-11 §9.7.2: document number, check digit, birth date, check
    /// digit, expiry date, check digit. A plain string: wipe it (cccd::wipe) after use, or take
    /// mrzInformationBytes.
    [[nodiscard]] std::string mrzInformation() const;

    /// The same as ASCII bytes in a wiping buffer, ready for the key derivation.
    [[nodiscard]] SecureBytes mrzInformationBytes() const;

private:
    struct AsPrinted {};

    MrzKey(AsPrinted, SecureBytes documentNumber, std::string_view birthDate,
           std::string_view expiryDate);

    [[nodiscard]] static std::string_view text(const SecureBytes& field) {
        return {reinterpret_cast<const char*>(field.data()), field.size()};
    }

    SecureBytes m_documentNumber;
    SecureBytes m_birthDate;
    SecureBytes m_expiryDate;
};

} // namespace cccd::mrz
