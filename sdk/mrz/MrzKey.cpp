#include "mrz/MrzKey.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "base/Error.h"
#include "mrz/CheckDigit.h"
#include "mrz/Mrz.h"
#include "mrz/MrzDate.h"

namespace cccd::mrz {

namespace {

constexpr std::size_t DocumentNumberField = 9;
// TD1 allows 9 characters in the number field plus an overflow of up to 13 in optional data 1,
// which also holds the overflow's check digit and a filler (ICAO 9303-5 §4.2.4).
constexpr std::size_t MaxDocumentNumber = 22;

[[noreturn]] void invalid(const char* what) {
    throw Error(ErrorCode::InvalidArgument, std::string("MRZ key: ") + what);
}

SecureBytes bytesOf(std::string_view text) {
    return SecureBytes(ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

// Upper-cased and padded with '<' to 9 characters, built in a wiping buffer.
SecureBytes documentNumberField(std::string_view typed) {
    if (typed.empty() || typed.size() > MaxDocumentNumber) {
        invalid("document number must have 1 to 22 characters");
    }
    SecureBytes out;
    out.reserve(std::max(typed.size(), DocumentNumberField));
    for (char c : typed) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<')) {
            invalid("document number holds a character outside A-Z, 0-9, '<'");
        }
        std::uint8_t byte = static_cast<std::uint8_t>(c);
        out.append(ByteView(&byte, 1));
    }
    static constexpr std::uint8_t Filler = '<';
    while (out.size() < DocumentNumberField) {
        out.append(ByteView(&Filler, 1));
    }
    return out;
}

// A field followed by its check digit (all fields were validated, so every digit exists).
void appendWithCheckDigit(SecureBytes& out, std::string_view field) {
    out.append(ByteView(reinterpret_cast<const std::uint8_t*>(field.data()), field.size()));
    std::uint8_t digit = static_cast<std::uint8_t>(*checkDigit(field));
    out.append(ByteView(&digit, 1));
}

} // namespace

MrzKey::MrzKey(std::string_view documentNumber, std::string_view birthDate,
               std::string_view expiryDate)
    : m_documentNumber(documentNumberField(documentNumber)), m_birthDate(bytesOf(birthDate)),
      m_expiryDate(bytesOf(expiryDate)) {
    if (!isCalendarDate(this->birthDate())) {
        invalid("birth date must be a calendar date YYMMDD");
    }
    if (this->expiryDate() != "<<<<<<" && !isCalendarDate(this->expiryDate())) {
        invalid("expiry date must be a calendar date YYMMDD or <<<<<<");
    }
}

MrzKey::MrzKey(AsPrinted, SecureBytes documentNumber, std::string_view birthDate,
               std::string_view expiryDate)
    : m_documentNumber(std::move(documentNumber)), m_birthDate(bytesOf(birthDate)),
      m_expiryDate(bytesOf(expiryDate)) {}

MrzKey MrzKey::fromMrz(const Mrz& mrz) {
    // Mrz::parse admitted only MRZ characters and fixed-width dates, so each field has a check
    // digit; only the document number needs its fillers back.
    return MrzKey(AsPrinted{}, documentNumberField(mrz.documentNumber), mrz.birthDate.raw,
                  mrz.expiryDate.raw);
}

std::string MrzKey::mrzInformation() const {
    SecureBytes bytes = mrzInformationBytes();
    return std::string(text(bytes));
}

SecureBytes MrzKey::mrzInformationBytes() const {
    SecureBytes out;
    out.reserve(m_documentNumber.size() + m_birthDate.size() + m_expiryDate.size() + 3);
    appendWithCheckDigit(out, documentNumber());
    appendWithCheckDigit(out, birthDate());
    appendWithCheckDigit(out, expiryDate());
    return out;
}

} // namespace cccd::mrz
