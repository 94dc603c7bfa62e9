#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "base/Error.h"

namespace cccd::qr {

/// The two layouts seen on cards (cccd.md §4.1, §4.2). Neither is signed: the QR says what the
/// card's face says, the chip proves it.
enum class QrLayout {
    Cccd2021,    ///< 7 fields: the CCCD of Circular 06/2021, QR on the front
    CanCuoc2024, ///< 11 fields: the 7 above and 4 more, empty on adults' cards (Law 26/2023)
};

/// The fields of the payload, in order; also what a QrPayloadError names.
enum class QrField {
    Payload,          ///< the whole text: encoding, field count, another format
    PersonalIdNumber, ///< 0: 12 digits
    OldIdNumber,      ///< 1: the CMND (9 or 12 digits) or empty
    FullName,         ///< 2
    DateOfBirth,      ///< 3: ddmmyyyy
    Sex,              ///< 4: Nam / Nữ
    PlaceOfResidence, ///< 5
    DateOfIssue,      ///< 6: ddmmyyyy
};

/// "personal_id_number", "date_of_birth", ...: the name in JSON and in error messages.
[[nodiscard]] std::string_view qrFieldName(QrField field);

/// A payload that is not the card's: says which field is wrong and why, never its value.
class QrPayloadError : public Error {
public:
    QrPayloadError(QrField field, const std::string& reason);

    [[nodiscard]] QrField field() const { return m_field; }

private:
    QrField m_field;
};

enum class Sex { Male, Female };

/// The card's QR payload, parsed. Holds personal data: never log it.
struct QrPayload {
    QrLayout layout = QrLayout::Cccd2021;
    std::string personalIdNumber; ///< 12 digits
    std::string oldIdNumber;      ///< empty when the card has none
    std::string fullName;         ///< UTF-8, NFC, as printed in the QR (mixed case)
    std::chrono::year_month_day dateOfBirth;
    Sex sex = Sex::Male;
    std::string placeOfResidence; ///< as at issue: may name pre-2025 administrative units
    std::chrono::year_month_day dateOfIssue;
    /// Fields 7 and on (2024 layout), raw: their meaning is not published (cccd.md §3.6).
    std::vector<std::string> extraFields;

    /// Parses text already decoded from the symbol (see decodeQrText): surrounding whitespace,
    /// CR and LF are trimmed, the text is NFC-normalised, fields are split on '|' keeping empty
    /// ones. Throws QrPayloadError naming the first bad field: a field count other than 7 or at
    /// least 11, a bad ID, a date that is not a calendar date, a sex other than Nam/Nữ, an empty
    /// name, and the labelled or JSON variants some apps produce.
    [[nodiscard]] static QrPayload parse(std::string_view text);
};

/// A date as ISO 8601, YYYY-MM-DD, as the SDK's output writes dates.
[[nodiscard]] std::string toIsoDate(std::chrono::year_month_day date);

/// The number of fields of a layout: 7 or 11.
[[nodiscard]] std::size_t fieldCount(QrLayout layout);

} // namespace cccd::qr
