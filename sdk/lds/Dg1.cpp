#include "lds/Dg1.h"

#include "base/Error.h"
#include "tlv/Tlv.h"

namespace cccd::lds {

namespace {

constexpr std::uint32_t Dg1Tag = 0x61;
constexpr std::uint32_t MrzTag = 0x5F1F;

} // namespace

Dg1 Dg1::parse(ByteView file) {
    Dg1 out;
    out.raw.assign(file.begin(), file.end());
    tlv::Tlv dg1 = tlv::parse(file, Dg1Tag);
    auto mrzObject = tlv::findChild(dg1, MrzTag);
    if (!mrzObject) {
        throw Error(ErrorCode::MalformedData, "DG1: no MRZ data element (5F1F)");
    }
    out.mrz = mrz::Mrz::parse(toString(mrzObject->value));
    return out;
}

} // namespace cccd::lds
