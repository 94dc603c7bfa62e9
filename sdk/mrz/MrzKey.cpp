#include "mrz/MrzKey.h"

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

std::string documentNumberField(std::string_view typed) {
    if (typed.empty() || typed.size() > MaxDocumentNumber) {
        invalid("document number must have 1 to 22 characters");
    }
    std::string out;
    for (char c : typed) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<')) {
            invalid("document number holds a character outside A-Z, 0-9, '<'");
        }
        out += c;
    }
    if (out.size() < DocumentNumberField) {
        out.append(DocumentNumberField - out.size(), '<');
    }
    return out;
}

void wipe(std::string& s) {
    secureWipe(s.data(), s.capacity());
    s.clear();
}

} // namespace

MrzKey::MrzKey(std::string_view documentNumber, std::string_view birthDate,
               std::string_view expiryDate)
    : m_documentNumber(documentNumberField(documentNumber)), m_birthDate(birthDate),
      m_expiryDate(expiryDate) {
    if (!isCalendarDate(m_birthDate)) {
        invalid("birth date must be a calendar date YYMMDD");
    }
    if (m_expiryDate != "<<<<<<" && !isCalendarDate(m_expiryDate)) {
        invalid("expiry date must be a calendar date YYMMDD or <<<<<<");
    }
}

MrzKey::MrzKey(AsPrinted, std::string documentNumber, std::string birthDate, std::string expiryDate)
    : m_documentNumber(std::move(documentNumber)), m_birthDate(std::move(birthDate)),
      m_expiryDate(std::move(expiryDate)) {}

MrzKey::~MrzKey() {
    wipe(m_documentNumber);
    wipe(m_birthDate);
    wipe(m_expiryDate);
}

MrzKey MrzKey::fromMrz(const Mrz& mrz) {
    // Mrz::parse admitted only MRZ characters and fixed-width dates, so each field has a check
    // digit; only the document number needs its fillers back.
    return MrzKey(AsPrinted{}, documentNumberField(mrz.documentNumber), mrz.birthDate.raw,
                  mrz.expiryDate.raw);
}

std::string MrzKey::mrzInformation() const {
    // All three fields were validated, so every check digit exists.
    return m_documentNumber + *checkDigit(m_documentNumber) + m_birthDate +
           *checkDigit(m_birthDate) + m_expiryDate + *checkDigit(m_expiryDate);
}

SecureBytes MrzKey::mrzInformationBytes() const {
    std::string text = mrzInformation();
    SecureBytes out(ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
    wipe(text);
    return out;
}

} // namespace cccd::mrz
