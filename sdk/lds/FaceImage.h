#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/Bytes.h"
#include "lds/ImageInfo.h"

namespace cccd::lds {

/// Biometric Header Template A1 of a DG2 Biometric Information Template (ICAO 9303-10
/// §4.7.2.1, ISO/IEC 7816-11 Table 6). Values are big-endian numbers of their bytes.
struct BiometricHeader {
    Bytes raw;                                     ///< the whole A1 object
    std::optional<std::uint32_t> biometricType;    ///< 81: 02 = facial features
    std::optional<std::uint32_t> biometricSubtype; ///< 82
    std::optional<std::uint32_t> formatOwner;      ///< 87: 0101 = ISO/IEC JTC 1/SC 37
    std::optional<std::uint32_t> formatType;       ///< 88: 0008 = ISO/IEC 19794-5 face image
};

/// ISO/IEC 19794-5:2005 §5.6.3 feature point: 8 bytes.
struct FeaturePoint {
    std::uint8_t type = 0;
    std::uint8_t code = 0; ///< major code in the high nibble, minor in the low
    std::uint16_t x = 0;
    std::uint16_t y = 0;
};

/// ISO/IEC 19794-5:2005 §5.7.2 image data type.
enum class FaceImageDataType : std::uint8_t {
    Jpeg = 0x00,
    Jpeg2000 = 0x01,
};

/// One facial image of DG2: the ISO/IEC 19794-5:2005 facial record data (§5.5 facial
/// information, §5.6 feature points, §5.7 image information, §5.8 image data). Holds a
/// portrait: personal data.
struct FaceImage {
    BiometricHeader header;    ///< of the Biometric Information Template the image came from
    std::string recordVersion; ///< general header version, "010" for 19794-5:2005

    // Facial information block (§5.5), 20 bytes.
    std::uint8_t gender = 0;
    std::uint8_t eyeColour = 0;
    std::uint8_t hairColour = 0;
    std::uint32_t propertyMask = 0; ///< 24 bits
    std::uint16_t expression = 0;
    std::array<std::uint8_t, 3> poseAngle{};            ///< yaw, pitch, roll
    std::array<std::uint8_t, 3> poseAngleUncertainty{}; ///< yaw, pitch, roll
    std::vector<FeaturePoint> featurePoints;

    // Image information block (§5.7), 12 bytes.
    std::uint8_t faceImageType = 0;
    std::uint8_t imageDataType = 0; ///< FaceImageDataType as declared by the record
    /// Width and height as the record header states them. They may disagree with the image
    /// (cccd.md §3.3: 480 x 400 in the header, 300 x 400 in the JPEG): prefer imageSize.
    std::uint16_t recordWidth = 0;
    std::uint16_t recordHeight = 0;
    std::uint8_t colourSpace = 0;
    std::uint8_t sourceType = 0;
    std::uint16_t deviceType = 0;
    std::uint16_t quality = 0;

    Bytes image;                                    ///< the encoded image as stored
    ImageFormat imageFormat = ImageFormat::Unknown; ///< recognised from the image bytes
    std::optional<ImageSize> imageSize;             ///< from the image itself (SOFn, SIZ, ihdr)

    /// The declared image data type agrees with the bytes (field case BL-29).
    [[nodiscard]] bool imageTypeMatches() const;
};

/// One ISO/IEC 19794-5:2005 record: its faces, and where it departs from the standard without
/// being unreadable.
struct FaceRecord {
    std::vector<FaceImage> faces;
    /// The general header's record length or the facial blocks do not fill the record; a
    /// facial information or image information value outside its range (§5.5, §5.7); a face
    /// without image data. English, without personal data.
    std::vector<std::string> problems;
};

/// The faces of one ISO/IEC 19794-5:2005 record (general header "FAC\0" "010\0", §5.4).
/// Throws Error(MalformedData) when a length runs past the record or the header is not FAC 010.
[[nodiscard]] FaceRecord parseFaceRecord(ByteView record, const BiometricHeader& header);

} // namespace cccd::lds
