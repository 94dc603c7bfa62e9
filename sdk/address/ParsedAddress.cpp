#include "address/ParsedAddress.h"

#include "address/AddressMatcher.h"
#include "address/AddressText.h"
#include "address/WrittenType.h"

namespace cccd::address {

namespace {

struct Segment {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t typeWords = 0;
    std::optional<WrittenType> type;
};

// A type word starts a unit only when a name follows it in the same part: in "Xã Tứ Xã Huyện
// Lâm Thao" the second "Xã" ends the name "Tứ Xã".
std::optional<WrittenType> typeStartingUnit(const AddressText& text, std::size_t i, std::size_t end,
                                            std::size_t* length) {
    auto type = writtenTypeAt(text, i, length);
    if (!type || i + *length >= end || text.words[i + *length].startsPart) {
        return std::nullopt;
    }
    std::size_t next = 0;
    if (writtenTypeAt(text, i + *length, &next)) {
        return std::nullopt;
    }
    return type;
}

std::vector<Segment> segments(const AddressText& text, std::size_t end) {
    std::vector<Segment> out;
    for (std::size_t i = 0; i < end;) {
        std::size_t length = 0;
        auto type = typeStartingUnit(text, i, end, &length);
        if (out.empty() || text.words[i].startsPart || type) {
            out.push_back({i, i, type ? length : 0, type});
        }
        i += type ? length : 1;
        out.back().end = i;
    }
    return out;
}

WrittenUnit unitOf(const AddressText& text, const Segment& segment, UnitLevel level) {
    WrittenUnit unit;
    unit.text = writtenText(text, segment.begin, segment.end);
    unit.name = writtenText(text, segment.begin + segment.typeWords, segment.end);
    if (segment.type) {
        for (UnitType type : segment.type->types) {
            if (unitLevel(type) == level && !unit.type) {
                unit.type = type;
            }
        }
        unit.typeAmbiguous =
            segment.type->names(UnitLevel::Province) && segment.type->names(UnitLevel::District);
    }
    return unit;
}

} // namespace

ParsedAddress parseAddress(std::string_view address) {
    AddressText text = splitAddress(address);
    std::vector<Segment> parts = segments(text, addressEnd(text));
    ParsedAddress out;
    // From the right: each part takes the highest level still open that its type allows;
    // a part that fits no open level, and everything before it, is the street.
    int open = 3; // 3: province, 2: district, 1: commune, 0: none
    std::size_t streetEnd = parts.size();
    for (std::size_t i = parts.size(); i-- > 0;) {
        const Segment& part = parts[i];
        int level = 0;
        for (int candidate = open; candidate >= 1 && level == 0; --candidate) {
            UnitLevel l = candidate == 3   ? UnitLevel::Province
                          : candidate == 2 ? UnitLevel::District
                                           : UnitLevel::Commune;
            if (!part.type || part.type->names(l)) {
                level = candidate;
            }
        }
        if (level == 0) {
            break;
        }
        UnitLevel l = level == 3   ? UnitLevel::Province
                      : level == 2 ? UnitLevel::District
                                   : UnitLevel::Commune;
        (l == UnitLevel::Province   ? out.province
         : l == UnitLevel::District ? out.district
                                    : out.commune) = unitOf(text, part, l);
        streetEnd = i;
        open = level - 1;
    }
    out.street =
        textBefore(text, streetEnd < parts.size() ? parts[streetEnd].begin : addressEnd(text));
    return out;
}

} // namespace cccd::address
