#include "lds/Dg13.h"

#include <algorithm>

#include "base/Error.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"

namespace cccd::lds {

namespace {

constexpr std::uint32_t Dg13Tag = 0x6D;
constexpr std::uint32_t SequenceTag = 0x30;
constexpr std::uint32_t SetTag = 0x31;
constexpr std::uint32_t IntegerTag = 0x02;
constexpr std::uint32_t OidTag = 0x06;
constexpr int MaxTextDepth = 8;

// Field numbers of cccd.md §3.4.
enum FieldNumber : std::uint64_t {
    PersonalId = 1,
    FullName = 2,
    BirthDate = 3,
    Sex = 4,
    Nationality = 5,
    Ethnicity = 6,
    Religion = 7,
    PlaceOfOrigin = 8,
    PlaceOfResidence = 9,
    IdentifyingMarks = 10,
    IssueDate = 11,
    ExpiryDate = 12,
    Parents = 13,
    Spouse = 14,
    OldId = 15,
    Field16 = 16,
};

bool isStringTag(std::uint32_t tag) {
    // UTF8String, NumericString, PrintableString, IA5String, VisibleString (X.680 §8.6).
    return tag == 0x0C || tag == 0x12 || tag == 0x13 || tag == 0x16 || tag == 0x1A;
}

void collectTexts(const tlv::Tlv& object, int depth, std::vector<std::string>& out) {
    if (isStringTag(object.tag)) {
        out.push_back(toString(object.value));
        return;
    }
    if (!object.constructed() || depth > MaxTextDepth) {
        return;
    }
    for (const tlv::Tlv& child : tlv::children(object)) {
        collectTexts(child, depth + 1, out);
    }
}

std::vector<std::string> textsOf(ByteView encoded) {
    std::vector<std::string> out;
    collectTexts(tlv::parse(encoded), 0, out);
    return out;
}

std::string fieldNote(std::uint64_t number, const char* what) {
    return "field " + std::to_string(number) + ": " + what;
}

// The first text of a field, checked for UTF-8; nullopt when the field has none.
std::optional<std::string> firstText(const Dg13Field& field, Dg13& out) {
    std::vector<std::string> texts = field.texts();
    if (texts.empty()) {
        return std::nullopt;
    }
    if (!isValidUtf8(texts.front())) {
        out.anomalies.push_back(fieldNote(field.number, "text is not valid UTF-8"));
        return std::nullopt;
    }
    return texts.front();
}

std::optional<Dg13Date> dateOf(const Dg13Field& field, Dg13& out) {
    auto text = firstText(field, out);
    if (!text) {
        return std::nullopt;
    }
    Dg13Date date = Dg13Date::fromText(*text);
    if (!date.iso && field.number != ExpiryDate) {
        out.anomalies.push_back(fieldNote(field.number, "not a dd/mm/yyyy date"));
    }
    return date;
}

// Field 13 (cccd.md §3.4, §3.6): SEQUENCE{father}, SEQUENCE{mother}; or one SEQUENCE holding
// both names; or one SEQUENCE, a parent of unknown role. Names given directly as strings are
// accepted the same way. Position decides the role only when there are two names.
std::vector<Parent> parentsOf(const Dg13Field& field, Dg13& out) {
    std::vector<std::optional<std::string>> slots;
    if (field.values.size() == 1) {
        for (std::string& text : textsOf(field.values.front())) {
            slots.emplace_back(std::move(text));
        }
    } else {
        for (const Bytes& value : field.values) {
            std::vector<std::string> texts = textsOf(value);
            slots.push_back(texts.empty() ? std::nullopt : std::optional(texts.front()));
        }
    }
    std::vector<Parent> parents;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        if (!slots[i] || slots[i]->empty()) {
            continue;
        }
        if (!isValidUtf8(*slots[i])) {
            out.anomalies.push_back(fieldNote(field.number, "text is not valid UTF-8"));
            continue;
        }
        ParentRole role = ParentRole::Unknown;
        if (slots.size() >= 2 && i < 2) {
            role = i == 0 ? ParentRole::Father : ParentRole::Mother;
        }
        parents.push_back(Parent{role, *slots[i]});
    }
    return parents;
}

void assignTyped(const Dg13Field& field, Dg13& out) {
    switch (field.number) {
    case PersonalId:
        out.personalIdNumber = firstText(field, out);
        break;
    case FullName:
        out.fullName = firstText(field, out);
        break;
    case BirthDate:
        out.birthDate = dateOf(field, out);
        break;
    case Sex:
        out.sex = firstText(field, out);
        break;
    case Nationality:
        out.nationality = firstText(field, out);
        break;
    case Ethnicity:
        out.ethnicity = firstText(field, out);
        break;
    case Religion:
        out.religion = firstText(field, out);
        break;
    case PlaceOfOrigin:
        out.placeOfOrigin = firstText(field, out);
        break;
    case PlaceOfResidence:
        out.placeOfResidence = firstText(field, out);
        break;
    case IdentifyingMarks:
        out.identifyingMarks = firstText(field, out);
        break;
    case IssueDate:
        out.issueDate = dateOf(field, out);
        break;
    case ExpiryDate:
        out.expiryDate = dateOf(field, out);
        break;
    case Parents:
        out.parents = parentsOf(field, out);
        break;
    case Spouse:
        out.spouseName = firstText(field, out);
        break;
    case OldId:
        out.oldIdNumber = firstText(field, out);
        break;
    case Field16:
        out.field16 = firstText(field, out);
        break;
    default:
        break; // unknown numbers stay raw in `fields`
    }
}

// One SET member. Anything that is not SEQUENCE { INTEGER, ... } is kept raw, never fatal.
void readField(const tlv::Tlv& member, Dg13& out) {
    try {
        if (member.tag != SequenceTag) {
            throw Error(ErrorCode::MalformedData, "not a SEQUENCE");
        }
        std::vector<tlv::Tlv> parts = tlv::children(member);
        if (parts.empty() || parts.front().tag != IntegerTag) {
            throw Error(ErrorCode::MalformedData, "no field number");
        }
        Dg13Field field;
        field.number = tlv::decodeUnsigned(parts.front().value);
        field.encoded.assign(member.encoded.begin(), member.encoded.end());
        for (std::size_t i = 1; i < parts.size(); ++i) {
            field.values.emplace_back(parts[i].encoded.begin(), parts[i].encoded.end());
        }
        (void)field.texts(); // nested values must parse too, or the field is kept raw
        out.fields.push_back(std::move(field));
    } catch (const Error&) {
        out.otherElements.emplace_back(member.encoded.begin(), member.encoded.end());
        out.anomalies.push_back("a SET member is not a numbered field");
    }
}

} // namespace

std::vector<std::string> Dg13Field::texts() const {
    std::vector<std::string> out;
    for (const Bytes& value : values) {
        collectTexts(tlv::parse(value), 0, out);
    }
    return out;
}

Dg13Field Dg13Field::make(std::uint64_t number, const std::vector<Bytes>& values) {
    Dg13Field field;
    field.number = number;
    field.values = values;
    Bytes content = tlv::encodeInteger(number);
    for (const Bytes& value : values) {
        append(content, value);
    }
    field.encoded = tlv::encode(SequenceTag, content);
    return field;
}

const Dg13Field* Dg13::field(std::uint64_t number) const {
    auto it = std::find_if(fields.begin(), fields.end(),
                           [number](const Dg13Field& f) { return f.number == number; });
    return it == fields.end() ? nullptr : &*it;
}

std::vector<const Dg13Field*> Dg13::unknownFields() const {
    std::vector<const Dg13Field*> out;
    for (const Dg13Field& f : fields) {
        if (f.number < PersonalId || f.number > Field16) {
            out.push_back(&f);
        }
    }
    return out;
}

std::optional<std::string> Dg13::fatherName() const {
    for (const Parent& p : parents) {
        if (p.role == ParentRole::Father) {
            return p.name;
        }
    }
    return std::nullopt;
}

std::optional<std::string> Dg13::motherName() const {
    for (const Parent& p : parents) {
        if (p.role == ParentRole::Mother) {
            return p.name;
        }
    }
    return std::nullopt;
}

Dg13 Dg13::parse(ByteView file) {
    Dg13 out;
    out.raw.assign(file.begin(), file.end());
    tlv::Tlv dg13 = tlv::parse(file, Dg13Tag);
    auto body = tlv::findChild(dg13, SequenceTag);
    if (!body) {
        throw Error(ErrorCode::MalformedData, "DG13: no SEQUENCE inside 6D");
    }

    std::optional<tlv::Tlv> set;
    for (const tlv::Tlv& element : tlv::children(*body)) {
        if (element.tag == IntegerTag && !out.version) {
            out.version = tlv::decodeUnsigned(element.value);
        } else if (element.tag == OidTag && out.oid.empty()) {
            out.oid = crypto::decodeOid(element.value);
        } else if (element.tag == SetTag && !set) {
            set = element;
        }
    }
    if (!set) {
        throw Error(ErrorCode::MalformedData, "DG13: no SET of fields");
    }

    // BER SET: members may come in any order (cccd.md §3.6); each is placed by its number.
    for (const tlv::Tlv& member : tlv::children(*set)) {
        readField(member, out);
    }
    std::vector<std::uint64_t> seen;
    for (const Dg13Field& f : out.fields) {
        if (std::find(seen.begin(), seen.end(), f.number) != seen.end()) {
            out.anomalies.push_back(fieldNote(f.number, "appears more than once; first kept"));
            continue;
        }
        seen.push_back(f.number);
        assignTyped(f, out);
    }
    return out;
}

} // namespace cccd::lds
