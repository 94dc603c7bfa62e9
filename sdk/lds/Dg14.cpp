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
    // SecurityInfos is a SET of at least one (ICAO 9303-11 §9.2): a DG14 that announces nothing
    // is no DG14 (TR-03105-5.1 ISO7816_G_38).
    if (tlv::children(*set).empty()) {
        throw Error(ErrorCode::MalformedData, "DG14: the SecurityInfos SET is empty");
    }
    out.securityInfos = SecurityInfos::parse(set->encoded);
    return out;
}

} // namespace cccd::lds
