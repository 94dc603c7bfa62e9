#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/Bytes.h"
#include "lds/Dg13Date.h"

namespace cccd::lds {

/// One member of the DG13 field SET: SEQUENCE { INTEGER number, value... } (cccd.md §3.4).
struct Dg13Field {
    std::uint64_t number = 0;
    Bytes encoded;             ///< the whole SEQUENCE as on the card
    std::vector<Bytes> values; ///< each object after the number, encoded; empty when no value

    /// The text of every string object in the values, depth first (UTF8String, PrintableString,
    /// IA5String, VisibleString, NumericString), bytes as stored.
    [[nodiscard]] std::vector<std::string> texts() const;

    /// A field with the given number and value objects (each a complete TLV), for the encoder.
    [[nodiscard]] static Dg13Field make(std::uint64_t number, const std::vector<Bytes>& values);
};

enum class ParentRole { Father, Mother, Unknown };

struct Parent {
    ParentRole role = ParentRole::Unknown;
    std::string name;

    bool operator==(const Parent&) const = default;
};

/// DG13 of the Vietnamese card: the citizen data the MRZ does not hold (cccd.md §3.4, §3.6).
/// Fields are identified by number, never by position. Every member below is empty when its
/// field is absent, has no value, or holds text that is not valid UTF-8 (then `anomalies` says
/// so). Holds personal data: never log it.
///
/// TODO(lds): NFC-normalise text. The card's text was NFC in every sample and normalising needs
/// the Unicode composition tables (ICU), a dependency the SDK does not have yet; text is kept
/// exactly as stored.
struct Dg13 {
    Bytes raw; ///< the file as read
    std::optional<std::uint64_t> version;
    std::string oid;                    ///< dotted, "1.0.10646.1.0.8" on the cards seen
    std::vector<Dg13Field> fields;      ///< every field, in card order
    std::vector<Bytes> otherElements;   ///< SET members that are not field SEQUENCEs, encoded
    std::vector<std::string> anomalies; ///< what was odd, by field number; no personal data

    std::optional<std::string> personalIdNumber; ///< 1: 12 digits
    std::optional<std::string> fullName;         ///< 2
    std::optional<Dg13Date> birthDate;           ///< 3
    std::optional<std::string> sex;              ///< 4: "Nam" / "Nữ"
    std::optional<std::string> nationality;      ///< 5
    std::optional<std::string> ethnicity;        ///< 6
    std::optional<std::string> religion;         ///< 7
    std::optional<std::string> placeOfOrigin;    ///< 8 (2024 cards: see cccd.md §3.6)
    std::optional<std::string> placeOfResidence; ///< 9
    std::optional<std::string> identifyingMarks; ///< 10
    std::optional<Dg13Date> issueDate;           ///< 11
    std::optional<Dg13Date> expiryDate; ///< 12: a date or text such as "Không thời hạn"
    /// 13: two names are father then mother; a single name is a parent of unknown role
    /// (cccd.md §3.6: the card does not say which).
    std::vector<Parent> parents;
    std::optional<std::string> spouseName;  ///< 14
    std::optional<std::string> oldIdNumber; ///< 15: the 9-digit CMND, when it has a value
    std::optional<std::string> field16;     ///< 16: meaning unknown, kept as an opaque string

    /// The first field with this number, or nullptr.
    [[nodiscard]] const Dg13Field* field(std::uint64_t number) const;

    /// Fields whose number is outside 1..16 (2024 cards may add 17 and up), raw.
    [[nodiscard]] std::vector<const Dg13Field*> unknownFields() const;

    [[nodiscard]] std::optional<std::string> fatherName() const;
    [[nodiscard]] std::optional<std::string> motherName() const;

    /// Parses 6D { SEQUENCE { INTEGER version, OID, SET OF field } }. Throws
    /// Error(MalformedData) only when that frame is broken; an odd field is kept raw and noted
    /// in `anomalies`.
    [[nodiscard]] static Dg13 parse(ByteView file);
};

} // namespace cccd::lds
