#include "lds/Dg15.h"

#include "base/Error.h"
#include "tlv/Tlv.h"

namespace cccd::lds {

namespace {

constexpr std::uint32_t Dg15Tag = 0x6F;
constexpr std::uint32_t SequenceTag = 0x30;

} // namespace

Dg15 Dg15::parse(ByteView file) {
    Dg15 out;
    out.raw.assign(file.begin(), file.end());
    tlv::Tlv dg15 = tlv::parse(file, Dg15Tag);
    auto spki = tlv::findChild(dg15, SequenceTag);
    if (!spki) {
        throw Error(ErrorCode::MalformedData, "DG15: no SubjectPublicKeyInfo");
    }
    out.publicKey = SubjectPublicKeyInfo::parse(spki->encoded);
    return out;
}

} // namespace cccd::lds
