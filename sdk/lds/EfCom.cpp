#include "lds/EfCom.h"

#include "base/Error.h"
#include "lds/ElementaryFile.h"
#include "tlv/Tlv.h"

namespace cccd::lds {

namespace {

constexpr std::uint32_t ComTag = 0x60;
constexpr std::uint32_t LdsVersionTag = 0x5F01;
constexpr std::uint32_t UnicodeVersionTag = 0x5F36;
constexpr std::uint32_t TagListTag = 0x5C;

// "0107" -> "1.7", "040000" -> "4.0.0": two-digit groups without leading zeros.
std::string dotted(const std::string& digits) {
    std::string out;
    for (std::size_t i = 0; i + 1 < digits.size(); i += 2) {
        if (digits[i] < '0' || digits[i] > '9' || digits[i + 1] < '0' || digits[i + 1] > '9') {
            return {};
        }
        if (!out.empty()) {
            out += '.';
        }
        out += std::to_string((digits[i] - '0') * 10 + (digits[i + 1] - '0'));
    }
    return out;
}

} // namespace

EfCom EfCom::parse(ByteView file) {
    EfCom out;
    out.raw.assign(file.begin(), file.end());
    tlv::Tlv com = tlv::parse(file, ComTag);
    bool haveTagList = false;
    for (const tlv::Tlv& child : tlv::children(com)) {
        switch (child.tag) {
        case LdsVersionTag:
            out.ldsVersionRaw = toString(child.value);
            out.ldsVersion = dotted(out.ldsVersionRaw);
            break;
        case UnicodeVersionTag:
            out.unicodeVersionRaw = toString(child.value);
            out.unicodeVersion = dotted(out.unicodeVersionRaw);
            break;
        case TagListTag:
            haveTagList = true;
            out.tags.assign(child.value.begin(), child.value.end());
            break;
        default:
            break; // later LDS versions may add objects: ignore them
        }
    }
    if (!haveTagList) {
        throw Error(ErrorCode::MalformedData, "EF.COM: no tag list (5C)");
    }
    for (std::uint8_t tag : out.tags) {
        if (auto number = dataGroupFromTag(tag)) {
            out.dataGroups.push_back(*number);
        }
    }
    return out;
}

} // namespace cccd::lds
