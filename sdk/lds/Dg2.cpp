#include "lds/Dg2.h"

#include <algorithm>
#include <iterator>
#include <optional>

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

constexpr std::uint32_t InstanceCountTag = 0x02;
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

// ISO/IEC 7816-11 Table C.1 as ICAO 9303-10 §4.7.2.1 profiles it for DG2: biometric type 02
// (facial features; one byte, or the three-byte CBEFF form), format owner 0101 (ISO/IEC JTC 1/SC
// 37) and format type 0008 (ISO/IEC 19794-5 face image), both required.
constexpr std::uint32_t FacialFeatures = 0x02;
constexpr std::uint32_t FormatOwnerSc37 = 0x0101;
constexpr std::uint32_t FormatTypeFace = 0x0008;

void checkHeader(const BiometricHeader& header, std::vector<std::string>& problems) {
    if (header.biometricType && *header.biometricType != FacialFeatures) {
        problems.emplace_back("DG2: biometric type is not facial features");
    }
    if (!header.formatOwner) {
        problems.emplace_back("DG2: no format owner (87) in the biometric header template");
    } else if (*header.formatOwner != FormatOwnerSc37) {
        problems.emplace_back("DG2: format owner is not ISO/IEC JTC 1/SC 37 (0101)");
    }
    if (!header.formatType) {
        problems.emplace_back("DG2: no format type (88) in the biometric header template");
    } else if (*header.formatType != FormatTypeFace) {
        problems.emplace_back("DG2: format type is not an ISO/IEC 19794-5 face (0008)");
    }
}

// ISO/IEC 19794-5:2005 general header: "FAC\0" then version "010\0", the edition ICAO
// 9303-10 §4.7.2 names. A block without it is kept as it is and reported: another identifier,
// or another version (the 2011 edition's "030" has a different layout).
constexpr std::uint8_t FaceRecordHeader[] = {'F', 'A', 'C', 0, '0', '1', '0', 0};

void readDataBlock(const tlv::Tlv& block, const BiometricHeader& header, Dg2& out) {
    ByteView record = block.value;
    bool face =
        record.size() >= sizeof FaceRecordHeader &&
        std::equal(std::begin(FaceRecordHeader), std::end(FaceRecordHeader), record.begin());
    if (face) {
        FaceRecord parsed = parseFaceRecord(record, header);
        for (FaceImage& image : parsed.faces) {
            out.faces.push_back(std::move(image));
        }
        out.problems.insert(out.problems.end(), parsed.problems.begin(), parsed.problems.end());
        return;
    }
    // TODO(lds): decode ISO/IEC 39794-5 and 19794-5:2011 face records; no CCCD is known to use
    // them.
    out.otherBlocks.emplace_back(block.encoded.begin(), block.encoded.end());
    bool fac =
        record.size() >= 4 && std::equal(FaceRecordHeader, FaceRecordHeader + 4, record.begin());
    out.problems.emplace_back(fac ? "DG2 face record: version is not 010"
                                  : "DG2 face record: format identifier is not FAC");
}

void readInformationTemplate(const tlv::Tlv& bit, Dg2& out) {
    BiometricHeader header;
    bool headerFound = false;
    bool dataFound = false;
    for (const tlv::Tlv& element : tlv::children(bit)) {
        if (element.tag == HeaderTemplateTag) {
            header = readHeader(element);
            headerFound = true;
        } else if (element.tag == DataBlockTag || element.tag == ConstructedDataBlockTag) {
            dataFound = true;
            readDataBlock(element, header, out);
        }
    }
    if (!headerFound) {
        out.problems.emplace_back("DG2: no biometric header template (A1)");
    } else {
        checkHeader(header, out.problems);
    }
    if (!dataFound) {
        out.problems.emplace_back("DG2: no biometric data block (5F2E)");
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
    // Every 7F60 present is read; the count (02) must be there and agree (ICAO 9303-10
    // §4.7.2.1).
    std::optional<std::uint64_t> count;
    std::uint64_t templates = 0;
    for (const tlv::Tlv& element : tlv::children(*group)) {
        if (element.tag == InstanceCountTag && !count) {
            count = number(element.value);
        } else if (element.tag == InformationTemplateTag) {
            ++templates;
            readInformationTemplate(element, out);
        }
    }
    if (!count) {
        out.problems.emplace_back("DG2: no instance count (02) in the group template");
    } else if (*count != templates) {
        out.problems.emplace_back("DG2: the instance count differs from the templates present");
    }
    return out;
}

} // namespace cccd::lds
