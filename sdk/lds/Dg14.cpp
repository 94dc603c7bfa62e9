#include "lds/Dg14.h"

#include "base/Error.h"
#include "tlv/Tlv.h"

namespace cccd::lds {

namespace {

constexpr std::uint32_t Dg14Tag = 0x6E;
constexpr std::uint32_t SetTag = 0x31;

} // namespace

Dg14 Dg14::parse(ByteView file) {
    Dg14 out;
    out.raw.assign(file.begin(), file.end());
    tlv::Tlv dg14 = tlv::parse(file, Dg14Tag);
    auto set = tlv::findChild(dg14, SetTag);
    if (!set) {
        throw Error(ErrorCode::MalformedData, "DG14: no SecurityInfos SET");
    }
    out.securityInfos = SecurityInfos::parse(set->encoded);
    return out;
}

} // namespace cccd::lds
