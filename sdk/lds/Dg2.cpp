#include "lds/Dg2.h"

#include <algorithm>
#include <iterator>

#include "base/Error.h"
#include "tlv/Tlv.h"

namespace cccd::lds {

namespace {

constexpr std::uint32_t Dg2Tag = 0x75;
constexpr std::uint32_t GroupTemplateTag = 0x7F61;
constexpr std::uint32_t InformationTemplateTag = 0x7F60;
constexpr std::uint32_t HeaderTemplateTag = 0xA1;
constexpr std::uint32_t DataBlockTag = 0x5F2E;
constexpr std::uint32_t ConstructedDataBlockTag = 0x7F2E;

constexpr std::uint32_t BiometricTypeTag = 0x81;
constexpr std::uint32_t BiometricSubtypeTag = 0x82;
constexpr std::uint32_t FormatOwnerTag = 0x87;
constexpr std::uint32_t FormatTypeTag = 0x88;

std::uint32_t number(ByteView value) {
    std::uint32_t out = 0;
    for (std::size_t i = 0; i < value.size() && i < 4; ++i) {
        out = out << 8 | value[i];
    }
    return out;
}

BiometricHeader readHeader(const tlv::Tlv& a1) {
    BiometricHeader out;
    out.raw.assign(a1.encoded.begin(), a1.encoded.end());
    for (const tlv::Tlv& element : tlv::children(a1)) {
        switch (element.tag) {
        case BiometricTypeTag:
            out.biometricType = number(element.value);
            break;
        case BiometricSubtypeTag:
            out.biometricSubtype = number(element.value);
            break;
        case FormatOwnerTag:
            out.formatOwner = number(element.value);
            break;
        case FormatTypeTag:
            out.formatType = number(element.value);
            break;
        default:
            break; // version, creation date, validity, creator: not needed
        }
    }
    return out;
}

// ISO/IEC 19794-5:2005 general header: "FAC\0" then version "010\0". Other versions (the 2011
// edition's "030") have a different layout and are kept as they are.
bool isFaceRecord(ByteView block) {
    static constexpr std::uint8_t Header[] = {'F', 'A', 'C', 0, '0', '1', '0', 0};
    return block.size() >= sizeof Header &&
           std::equal(std::begin(Header), std::end(Header), block.begin());
}

void readInformationTemplate(const tlv::Tlv& bit, Dg2& out) {
    BiometricHeader header;
    for (const tlv::Tlv& element : tlv::children(bit)) {
        if (element.tag == HeaderTemplateTag) {
            header = readHeader(element);
        } else if (element.tag == DataBlockTag || element.tag == ConstructedDataBlockTag) {
            if (isFaceRecord(element.value)) {
                for (FaceImage& face : parseFaceRecord(element.value, header)) {
                    out.faces.push_back(std::move(face));
                }
            } else {
                // TODO(lds): decode ISO/IEC 39794-5 and 19794-5:2011 face records; no CCCD
                // is known to use them.
                out.otherBlocks.emplace_back(element.encoded.begin(), element.encoded.end());
            }
        }
    }
}

} // namespace

Dg2 Dg2::parse(ByteView file) {
    Dg2 out;
    out.raw.assign(file.begin(), file.end());
    tlv::Tlv dg2 = tlv::parse(file, Dg2Tag);
    auto group = tlv::findChild(dg2, GroupTemplateTag);
    if (!group) {
        throw Error(ErrorCode::MalformedData,
                    "DG2: no biometric information group template (7F61)");
    }
    // The count (02) is advisory: every 7F60 present is read.
    for (const tlv::Tlv& element : tlv::children(*group)) {
        if (element.tag == InformationTemplateTag) {
            readInformationTemplate(element, out);
        }
    }
    return out;
}

} // namespace cccd::lds
