#include "lds/Dg13Encoder.h"

#include <algorithm>

#include "base/Error.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"

namespace cccd::lds {

namespace {

constexpr std::uint32_t Dg13Tag = 0x6D;
constexpr std::uint32_t SequenceTag = 0x30;
constexpr std::uint32_t SetTag = 0x31;
constexpr std::uint32_t PrintableStringTag = 0x13;
constexpr std::uint32_t Utf8StringTag = 0x0C;
constexpr std::uint64_t Version = 1;
constexpr const char* Utf8Identifier = "1.0.10646.1.0.8"; // ISO/IEC 10646 UTF-8 (cccd.md §3.4)

[[noreturn]] void invalid(std::uint64_t number, const char* what) {
    throw Error(ErrorCode::InvalidArgument,
                "DG13 encoder: field " + std::to_string(number) + " " + what);
}

// X.680 §41.4 PrintableString: letters, digits, space and ' ( ) + , - . / : = ?
bool isPrintable(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               std::string_view(" '()+,-./:=?").find(c) != std::string_view::npos;
    });
}

Bytes printable(std::uint64_t number, const std::string& text) {
    if (!isPrintable(text)) {
        invalid(number, "is not a PrintableString");
    }
    return tlv::encode(PrintableStringTag, toBytes(text));
}

Bytes utf8(std::uint64_t number, const std::string& text) {
    if (!isValidUtf8(text)) {
        invalid(number, "is not valid UTF-8");
    }
    return tlv::encode(Utf8StringTag, toBytes(text));
}

Bytes field(std::uint64_t number, const std::vector<Bytes>& values) {
    return Dg13Field::make(number, values).encoded;
}

void addText(Bytes& set, std::uint64_t number, const std::optional<std::string>& text,
             bool isPrintableField) {
    if (text) {
        append(set,
               field(number, {isPrintableField ? printable(number, *text) : utf8(number, *text)}));
    }
}

void addDate(Bytes& set, std::uint64_t number, const std::optional<Dg13Date>& date,
             bool isPrintableField) {
    if (date) {
        addText(set, number, date->raw, isPrintableField);
    }
}

Bytes nestedName(std::uint64_t number, const std::string& name) {
    return tlv::encode(SequenceTag, utf8(number, name));
}

} // namespace

Bytes encodeDg13(const Dg13& dg13) {
    Bytes set;
    addText(set, 1, dg13.personalIdNumber, true);
    addText(set, 2, dg13.fullName, false);
    addDate(set, 3, dg13.birthDate, true);
    addText(set, 4, dg13.sex, false);
    addText(set, 5, dg13.nationality, false);
    addText(set, 6, dg13.ethnicity, false);
    addText(set, 7, dg13.religion, false);
    addText(set, 8, dg13.placeOfOrigin, false);
    addText(set, 9, dg13.placeOfResidence, false);
    addText(set, 10, dg13.identifyingMarks, false);
    addDate(set, 11, dg13.issueDate, true);
    addDate(set, 12, dg13.expiryDate, false);

    std::vector<Bytes> parents;
    for (const Parent& parent : dg13.parents) {
        parents.push_back(nestedName(13, parent.name));
    }
    append(set, field(13, parents));

    std::vector<Bytes> spouse;
    if (dg13.spouseName) {
        spouse.push_back(nestedName(14, *dg13.spouseName));
    }
    append(set, field(14, spouse));

    std::vector<Bytes> oldId;
    if (dg13.oldIdNumber) {
        oldId.push_back(printable(15, *dg13.oldIdNumber));
    }
    append(set, field(15, oldId));
    addText(set, 16, dg13.field16, true);

    std::vector<const Dg13Field*> extras = dg13.unknownFields();
    std::stable_sort(extras.begin(), extras.end(),
                     [](const Dg13Field* a, const Dg13Field* b) { return a->number < b->number; });
    for (const Dg13Field* extra : extras) {
        append(set, extra->encoded);
    }

    Bytes body = tlv::encodeInteger(Version);
    append(body, crypto::encodeOidObject(Utf8Identifier));
    append(body, tlv::encode(SetTag, set));
    return tlv::encode(Dg13Tag, tlv::encode(SequenceTag, body));
}

} // namespace cccd::lds
