#include "lds/AtrInfo.h"

#include <optional>
#include <string>
#include <vector>

#include "base/Error.h"
#include "tlv/Tlv.h"

namespace cccd::lds {

namespace {

constexpr std::uint32_t ExtendedLengthTag = 0x7F66;
constexpr std::uint32_t IntegerTag = 0x02;

[[noreturn]] void malformed(const std::string& what) {
    throw Error(ErrorCode::MalformedData, "EF.ATR/INFO: " + what);
}

// The two INTEGERs of 7F66, in order: command, then response (ISO/IEC 7816-4 §12.7.1).
ExtendedLengthInfo parseExtendedLength(const tlv::Tlv& object) {
    std::vector<std::size_t> sizes;
    for (const tlv::Tlv& child : tlv::children(object)) {
        if (child.tag != IntegerTag || child.value.empty() ||
            child.value.size() > sizeof(std::uint32_t)) {
            malformed("7F66 holds something other than a size");
        }
        sizes.push_back(static_cast<std::size_t>(tlv::decodeUnsigned(child.value)));
    }
    if (sizes.size() < 2 || sizes[0] == 0 || sizes[1] == 0) {
        malformed("7F66 needs the largest command and response APDU sizes");
    }
    return ExtendedLengthInfo{sizes[0], sizes[1]};
}

} // namespace

AtrInfo AtrInfo::parse(ByteView file) {
    std::optional<ExtendedLengthInfo> extendedLength;
    std::size_t offset = 0;
    while (offset < file.size()) {
        // 00 and FF between data objects are padding (ISO/IEC 7816-4 §5.2).
        if (file[offset] == 0x00 || file[offset] == 0xFF) {
            ++offset;
            continue;
        }
        tlv::Tlv object = tlv::parse(file.subspan(offset));
        offset += object.encoded.size();
        if (object.tag == ExtendedLengthTag && !extendedLength) {
            extendedLength = parseExtendedLength(object);
        }
    }
    if (!extendedLength) {
        malformed("no extended length information (7F66)");
    }
    return AtrInfo{*extendedLength};
}

} // namespace cccd::lds
