#include "emulator/profilegen/Dg2Builder.h"

#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

void putBigEndian(Bytes& out, std::uint64_t value, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) {
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
    }
}

// ISO/IEC 19794-5:2005 §5.4-5.7: general header, one facial record (header with no feature
// points and unspecified attributes, image information), then the image.
Bytes faceRecord(ByteView jpeg, std::uint16_t width, std::uint16_t height) {
    constexpr std::size_t GeneralHeaderSize = 14;
    constexpr std::size_t FacialHeaderSize = 20;
    constexpr std::size_t ImageInfoSize = 12;
    std::size_t facialBlock = FacialHeaderSize + ImageInfoSize + jpeg.size();

    Bytes record = toBytes(std::string_view("FAC\0"
                                            "010\0",
                                            8));
    putBigEndian(record, GeneralHeaderSize + facialBlock, 4); // record length
    putBigEndian(record, 1, 2);                               // number of facial images

    putBigEndian(record, facialBlock, 4);  // facial record data length
    putBigEndian(record, 0, 2);            // number of feature points
    record.insert(record.end(), 14, 0x00); // gender, eyes, hair, feature mask, expression, pose

    record.push_back(0x01); // face image type: full frontal
    record.push_back(0x00); // image data type: JPEG
    putBigEndian(record, width, 2);
    putBigEndian(record, height, 2);
    record.push_back(0x01);     // colour space: 24-bit RGB
    record.push_back(0x02);     // source type: digital still camera
    putBigEndian(record, 0, 2); // device type: unspecified
    putBigEndian(record, 0, 2); // quality: unspecified
    append(record, jpeg);
    return record;
}

} // namespace

Bytes buildDg2(ByteView jpeg, std::uint16_t width, std::uint16_t height) {
    // Biometric header template (ISO/IEC 7816-11 table C.1): face, no subtype, format owner
    // ISO/IEC JTC 1/SC 37 (0101), format type face image (0008).
    Bytes header = tlv::encode(0x81, Bytes{0x02});
    append(header, tlv::encode(0x82, Bytes{0x00}));
    append(header, tlv::encode(0x87, Bytes{0x01, 0x01}));
    append(header, tlv::encode(0x88, Bytes{0x00, 0x08}));

    Bytes template7f60 = tlv::encode(0xA1, header);
    append(template7f60, tlv::encode(0x5F2E, faceRecord(jpeg, width, height)));

    Bytes group = tlv::encodeInteger(1); // number of instances
    append(group, tlv::encode(0x7F60, template7f60));
    return tlv::encode(0x75, tlv::encode(0x7F61, group));
}

} // namespace cccd::emulator
