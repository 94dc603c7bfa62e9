#include "emulator/profilegen/Dg13Builder.h"

#include <cstdio>

#include "crypto/Oid.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

constexpr std::uint32_t TagDg13 = 0x6D;
constexpr std::uint32_t TagSequence = 0x30;
constexpr std::uint32_t TagSet = 0x31;
constexpr std::uint32_t TagPrintable = 0x13;
constexpr std::uint32_t TagUtf8 = 0x0C;
constexpr const char* Utf8IdentifierOid = "1.0.10646.1.0.8"; // ISO/IEC 10646 UTF-8

Bytes printable(std::string_view text) {
    return tlv::encode(TagPrintable, toBytes(text));
}

Bytes utf8(std::string_view text) {
    return tlv::encode(TagUtf8, toBytes(text));
}

// One field: SEQUENCE { INTEGER number, value... }; no value gives the absent form 30 03 02 01 NN.
Bytes field(std::uint64_t number, ByteView value = {}) {
    Bytes body = tlv::encodeInteger(number);
    append(body, value);
    return tlv::encode(TagSequence, body);
}

// Field 13: one nested SEQUENCE holding one UTF8String per known parent (father, then mother).
Bytes parents(const Persona& persona) {
    Bytes value;
    for (const std::string* name : {&persona.father, &persona.mother}) {
        if (!name->empty()) {
            append(value, tlv::encode(TagSequence, utf8(*name)));
        }
    }
    return field(13, value);
}

Bytes spouse(const Persona& persona) {
    if (persona.spouse.empty()) {
        return field(14);
    }
    return field(14, tlv::encode(TagSequence, utf8(persona.spouse)));
}

} // namespace

std::string dg13Date(const std::chrono::year_month_day& date) {
    char text[32];
    std::snprintf(text, sizeof text, "%02u/%02u/%04d", unsigned(date.day()), unsigned(date.month()),
                  int(date.year()));
    return text;
}

Bytes buildDg13(const Persona& persona) {
    Bytes fields;
    append(fields, field(1, printable(persona.personalIdNumber)));
    append(fields, field(2, utf8(persona.fullName)));
    append(fields, field(3, printable(dg13Date(persona.dateOfBirth))));
    append(fields, field(4, utf8(persona.sex == 'M' ? "Nam" : "Nữ")));
    append(fields, field(5, utf8(persona.nationality)));
    append(fields, field(6, utf8(persona.ethnicity)));
    append(fields, field(7, utf8(persona.religion)));
    append(fields, field(8, utf8(persona.placeOfOrigin)));
    append(fields, field(9, utf8(persona.placeOfResidence)));
    append(fields, field(10, utf8(persona.identifyingMarks)));
    append(fields, field(11, printable(dg13Date(persona.dateOfIssue))));
    // Field 12 is a UTF8String so that it can carry text for a card without expiry.
    append(fields, field(12, utf8(persona.dateOfExpiry ? dg13Date(*persona.dateOfExpiry)
                                                       : std::string(Dg13NoExpiryText))));
    append(fields, parents(persona));
    append(fields, spouse(persona));
    if (persona.oldIdNumber) {
        append(fields, persona.oldIdNumber->empty() ? field(15)
                                                    : field(15, printable(*persona.oldIdNumber)));
    }
    append(fields, field(16, printable(persona.field16)));

    // The SET keeps field order (BER, not DER-sorted), as on the real card.
    Bytes body = tlv::encodeInteger(1);
    append(body, crypto::encodeOidObject(Utf8IdentifierOid));
    append(body, tlv::encode(TagSet, fields));
    return tlv::encode(TagDg13, tlv::encode(TagSequence, body));
}

} // namespace cccd::emulator
