#pragma once

// DG2 with a portrait in the three forms of field case BL-29, built around the first bytes the
// case gives for each form.

#include <cstdint>

#include "base/Bytes.h"
#include "tlv/Tlv.h"

namespace cccd::fieldcase {

inline void putBigEndian(Bytes& out, std::uint32_t value, int bytes) {
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
        out.push_back(static_cast<std::uint8_t>(value >> shift));
    }
}

/// A JPEG 2000 codestream (ISO/IEC 15444-1 §A.5.1) that starts with `start` (SOC, SIZ marker and
/// Lsiz as the case gives them) and goes on with the rest of a SIZ of width x height and Lsiz's
/// number of components, then EOC.
inline Bytes j2kCodestream(ByteView start, std::uint32_t width, std::uint32_t height) {
    Bytes out(start.begin(), start.end());
    std::size_t siz = static_cast<std::size_t>(start[4] << 8 | start[5]);
    std::uint32_t components = static_cast<std::uint32_t>((siz - 38) / 3);
    putBigEndian(out, 0, 2); // Rsiz
    for (std::uint32_t value : {width, height, 0u, 0u, width, height, 0u, 0u}) {
        putBigEndian(out, value, 4);
    }
    putBigEndian(out, components, 2);
    for (std::uint32_t i = 0; i < components; ++i) {
        append(out, Bytes{0x07, 0x01, 0x01}); // 8-bit unsigned, no subsampling
    }
    append(out, Bytes{0xFF, 0xD9});
    return out;
}

/// A JP2 file (ISO/IEC 15444-1 Annex I) whose signature box is `signature`: then ftyp,
/// jp2h { ihdr } and jp2c around the codestream.
inline Bytes jp2File(ByteView signature, ByteView codestream, std::uint32_t width,
                     std::uint32_t height) {
    Bytes out(signature.begin(), signature.end());
    auto box = [&out](const char* type, const Bytes& content) {
        putBigEndian(out, static_cast<std::uint32_t>(8 + content.size()), 4);
        out.insert(out.end(), type, type + 4);
        append(out, content);
    };
    box("ftyp", Bytes{'j', 'p', '2', ' ', 0, 0, 0, 0, 'j', 'p', '2', ' '});
    Bytes ihdr;
    putBigEndian(ihdr, height, 4);
    putBigEndian(ihdr, width, 4);
    append(ihdr, Bytes{0x00, 0x03, 0x07, 0x07, 0x00, 0x00});
    Bytes header;
    putBigEndian(header, static_cast<std::uint32_t>(8 + ihdr.size()), 4);
    append(header, Bytes{'i', 'h', 'd', 'r'});
    append(header, ihdr);
    box("jp2h", header);
    box("jp2c", Bytes(codestream.begin(), codestream.end()));
    return out;
}

/// DG2 (ICAO 9303-10 §4.7.2) with one ISO/IEC 19794-5:2005 face: image data type `dataType`
/// and one feature point whose bytes read FF D8 FF E0, the JPEG start a reader that scans for
/// magic bytes would take for the image.
inline Bytes dataGroup2(ByteView image, std::uint8_t dataType) {
    Bytes face;
    putBigEndian(face, static_cast<std::uint32_t>(20 + 8 + 12 + image.size()), 4);
    putBigEndian(face, 1, 2);                             // one feature point
    append(face, Bytes{0x01, 0x00, 0x00, 0, 0, 0, 0, 0}); // gender .. expression
    append(face, Bytes{0, 0, 0, 0, 0, 0});                // pose angles, uncertainties
    append(face, Bytes{0x01, 0x11, 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00});
    append(face, Bytes{0x01, dataType, 0x01, 0xE0, 0x01, 0x90, 0x01, 0x02, 0, 0, 0, 0});
    append(face, Bytes(image.begin(), image.end()));
    Bytes record{'F', 'A', 'C', 0, '0', '1', '0', 0};
    putBigEndian(record, static_cast<std::uint32_t>(14 + face.size()), 4);
    putBigEndian(record, 1, 2);
    append(record, face);

    Bytes header = tlv::encode(0x81, Bytes{0x02}); // facial features
    append(header, tlv::encode(0x82, Bytes{0x00}));
    append(header, tlv::encode(0x87, Bytes{0x01, 0x01})); // ISO/IEC JTC 1/SC 37
    append(header, tlv::encode(0x88, Bytes{0x00, 0x08})); // ISO/IEC 19794-5 face image
    Bytes information = tlv::encode(0xA1, header);
    append(information, tlv::encode(0x5F2E, record));
    Bytes group = tlv::encode(0x02, Bytes{0x01});
    append(group, tlv::encode(0x7F60, information));
    return tlv::encode(0x75, tlv::encode(0x7F61, group));
}

} // namespace cccd::fieldcase
