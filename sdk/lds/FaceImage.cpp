#include "lds/FaceImage.h"

#include <algorithm>

#include "base/Error.h"

namespace cccd::lds {

namespace {

constexpr std::size_t GeneralHeaderSize = 14;
constexpr std::size_t FacialInformationSize = 20;
constexpr std::size_t FeaturePointSize = 8;
constexpr std::size_t ImageInformationSize = 12;

[[noreturn]] void malformed(const std::string& what) {
    throw Error(ErrorCode::MalformedData, "DG2 face record: " + what);
}

// A bounds-checked big-endian reader over one record.
class Reader {
public:
    explicit Reader(ByteView data) : m_data(data) {}

    std::uint32_t number(std::size_t count) {
        need(count);
        std::uint32_t out = 0;
        for (std::size_t i = 0; i < count; ++i) {
            out = out << 8 | m_data[m_pos++];
        }
        return out;
    }

    std::uint8_t byte() { return static_cast<std::uint8_t>(number(1)); }

    std::uint16_t word() { return static_cast<std::uint16_t>(number(2)); }

    ByteView bytes(std::size_t count) {
        need(count);
        ByteView out = m_data.subspan(m_pos, count);
        m_pos += count;
        return out;
    }

    [[nodiscard]] std::size_t remaining() const { return m_data.size() - m_pos; }

private:
    void need(std::size_t count) const {
        if (remaining() < count) {
            malformed("truncated");
        }
    }

    ByteView m_data;
    std::size_t m_pos = 0;
};

FaceImage readFace(Reader& in, const BiometricHeader& header, const std::string& version) {
    FaceImage face;
    face.header = header;
    face.recordVersion = version;

    // §5.5: the block length counts this 20-byte block, feature points, image info and data.
    std::uint32_t blockLength = in.number(4);
    std::uint16_t pointCount = in.word();
    std::size_t fixed =
        FacialInformationSize + pointCount * FeaturePointSize + ImageInformationSize;
    constexpr std::size_t AlreadyRead = 6;
    if (blockLength < fixed || blockLength - AlreadyRead > in.remaining()) {
        malformed("facial record length does not fit the record");
    }
    face.gender = in.byte();
    face.eyeColour = in.byte();
    face.hairColour = in.byte();
    face.propertyMask = in.number(3);
    face.expression = in.word();
    for (auto& angle : face.poseAngle) {
        angle = in.byte();
    }
    for (auto& uncertainty : face.poseAngleUncertainty) {
        uncertainty = in.byte();
    }
    for (std::uint16_t i = 0; i < pointCount; ++i) {
        FeaturePoint point;
        point.type = in.byte();
        point.code = in.byte();
        point.x = in.word();
        point.y = in.word();
        (void)in.word(); // reserved
        face.featurePoints.push_back(point);
    }

    face.faceImageType = in.byte();
    face.imageDataType = in.byte();
    face.recordWidth = in.word();
    face.recordHeight = in.word();
    face.colourSpace = in.byte();
    face.sourceType = in.byte();
    face.deviceType = in.word();
    face.quality = in.word();

    ByteView image = in.bytes(blockLength - fixed);
    face.image.assign(image.begin(), image.end());
    face.imageFormat = detectImageFormat(image);
    face.imageSize = imageSize(image);
    return face;
}

} // namespace

bool FaceImage::imageTypeMatches() const {
    switch (imageFormat) {
    case ImageFormat::Jpeg:
        return imageDataType == static_cast<std::uint8_t>(FaceImageDataType::Jpeg);
    case ImageFormat::Jpeg2000Codestream:
    case ImageFormat::Jp2:
        return imageDataType == static_cast<std::uint8_t>(FaceImageDataType::Jpeg2000);
    case ImageFormat::Unknown:
        return false;
    }
    return false;
}

std::vector<FaceImage> parseFaceRecord(ByteView record, const BiometricHeader& header) {
    // §5.4 general header: "FAC\0", version "010\0", record length (4), number of images (2).
    Reader in(record);
    ByteView format = in.bytes(4);
    ByteView version = in.bytes(4);
    static constexpr std::uint8_t Fac[] = {'F', 'A', 'C', 0};
    if (!std::equal(format.begin(), format.end(), std::begin(Fac))) {
        malformed("format identifier is not FAC");
    }
    std::string versionText(version.begin(), version.end() - 1);
    if (version.back() != 0 || versionText != "010") {
        malformed("unsupported record version");
    }
    std::uint32_t recordLength = in.number(4);
    std::uint16_t faceCount = in.word();
    if (recordLength < GeneralHeaderSize) {
        malformed("record length shorter than its header");
    }
    std::vector<FaceImage> out;
    for (std::uint16_t i = 0; i < faceCount; ++i) {
        out.push_back(readFace(in, header, versionText));
    }
    return out;
}

} // namespace cccd::lds
