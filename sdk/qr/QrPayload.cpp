#include "qr/QrPayload.h"

#include <algorithm>
#include <cstdio>

#include "qr/QrText.h"

namespace cccd::qr {

namespace {

constexpr char Separator = '|';
constexpr std::size_t IdLength = 12;

// Whitespace a scanner or a clipboard adds around the payload or a field: ASCII blanks, CR, LF,
// and the UTF-8 byte order mark some Windows tools prepend.
std::string_view trim(std::string_view s) {
    constexpr std::string_view Bom = "\xEF\xBB\xBF";
    if (s.starts_with(Bom)) {
        s.remove_prefix(Bom.size());
    }
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && blank(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

std::vector<std::string> split(std::string_view text) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (;;) {
        std::size_t end = text.find(Separator, start);
        fields.emplace_back(trim(text.substr(start, end - start)));
        if (end == std::string_view::npos) {
            return fields;
        }
        start = end + 1;
    }
}

bool allDigits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Other apps' renderings of the same data, which must not be misread as the card's (cccd.md §4.3).
void rejectOtherFormats(std::string_view text, const std::vector<std::string>& fields) {
    if (text.starts_with('{') || text.starts_with('[')) {
        throw QrPayloadError(QrField::Payload,
                             "JSON, not the card's QR: scan the QR printed on the card");
    }
    if (fields.front().find(':') != std::string::npos) {
        throw QrPayloadError(QrField::Payload, "labelled fields (\"CCCD:...\"), not the card's "
                                               "QR: scan the QR printed on the card");
    }
}

std::chrono::year_month_day parseDate(const std::string& field, QrField which) {
    if (field.size() != 8 || !allDigits(field)) {
        throw QrPayloadError(which, "not 8 digits ddmmyyyy");
    }
    auto number = [&field](std::size_t at, std::size_t n) {
        return std::stoi(field.substr(at, n));
    };
    std::chrono::year_month_day date{std::chrono::year(number(4, 4)),
                                     std::chrono::month(static_cast<unsigned>(number(2, 2))),
                                     std::chrono::day(static_cast<unsigned>(number(0, 2)))};
    if (!date.ok()) {
        throw QrPayloadError(which, "not a calendar date");
    }
    return date;
}

} // namespace

std::string_view qrFieldName(QrField field) {
    switch (field) {
    case QrField::Payload:
        return "payload";
    case QrField::PersonalIdNumber:
        return "personal_id_number";
    case QrField::OldIdNumber:
        return "old_id_number";
    case QrField::FullName:
        return "full_name";
    case QrField::DateOfBirth:
        return "date_of_birth";
    case QrField::Sex:
        return "sex";
    case QrField::PlaceOfResidence:
        return "place_of_residence";
    case QrField::DateOfIssue:
        return "date_of_issue";
    }
    return "payload";
}

QrPayloadError::QrPayloadError(QrField field, const std::string& reason)
    : Error(ErrorCode::MalformedData, "QR " + std::string(qrFieldName(field)) + ": " + reason),
      m_field(field) {}

std::string toIsoDate(std::chrono::year_month_day date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(date.year()), unsigned(date.month()),
                  unsigned(date.day()));
    return text;
}

std::size_t fieldCount(QrLayout layout) {
    return layout == QrLayout::Cccd2021 ? 7 : 11;
}

QrPayload QrPayload::parse(std::string_view text) {
    std::string normalized;
    try {
        normalized = normalizeNfc(trim(text));
    } catch (const Error&) {
        throw QrPayloadError(QrField::Payload, "not valid UTF-8");
    }
    if (normalized.empty()) {
        throw QrPayloadError(QrField::Payload, "empty");
    }
    std::vector<std::string> fields = split(normalized);
    rejectOtherFormats(normalized, fields);

    QrPayload out;
    std::size_t count = fields.size();
    if (count == fieldCount(QrLayout::Cccd2021)) {
        out.layout = QrLayout::Cccd2021;
    } else if (count >= fieldCount(QrLayout::CanCuoc2024)) {
        out.layout = QrLayout::CanCuoc2024;
    } else {
        throw QrPayloadError(QrField::Payload, std::to_string(count) +
                                                   " fields where the card has 7 or 11: a "
                                                   "partial scan? scan again");
    }

    out.personalIdNumber = fields[0];
    if (out.personalIdNumber.size() != IdLength || !allDigits(out.personalIdNumber)) {
        throw QrPayloadError(QrField::PersonalIdNumber, "not 12 digits");
    }
    out.oldIdNumber = fields[1];
    if (!out.oldIdNumber.empty() &&
        (!allDigits(out.oldIdNumber) ||
         (out.oldIdNumber.size() != 9 && out.oldIdNumber.size() != IdLength))) {
        throw QrPayloadError(QrField::OldIdNumber, "neither empty nor a 9- or 12-digit number");
    }
    out.fullName = fields[2];
    if (out.fullName.empty()) {
        throw QrPayloadError(QrField::FullName, "empty");
    }
    out.dateOfBirth = parseDate(fields[3], QrField::DateOfBirth);
    if (fields[4] == "Nam") {
        out.sex = Sex::Male;
    } else if (fields[4] == "N\xE1\xBB\xAF") { // "Nữ", U+1EEF after NFC
        out.sex = Sex::Female;
    } else {
        throw QrPayloadError(QrField::Sex, "neither Nam nor N\xE1\xBB\xAF");
    }
    out.placeOfResidence = fields[5];
    if (out.placeOfResidence.empty()) {
        throw QrPayloadError(QrField::PlaceOfResidence, "empty");
    }
    out.dateOfIssue = parseDate(fields[6], QrField::DateOfIssue);
    if (out.dateOfIssue < out.dateOfBirth) {
        throw QrPayloadError(QrField::DateOfIssue, "before the date of birth");
    }
    out.extraFields.assign(fields.begin() + 7, fields.end());
    return out;
}

} // namespace cccd::qr
