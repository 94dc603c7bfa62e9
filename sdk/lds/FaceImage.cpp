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

// The values ISO/IEC 19794-5:2005 defines (§5.5.3 gender, §5.5.4 eye colour, §5.5.5 hair
// colour, §5.5.7 pose angle and its uncertainty, §5.7.1 face image type, §5.7.2 image data
// type); 00 is "unspecified" and FF "unknown" where the standard has them.
constexpr std::uint8_t Unknown = 0xFF;
constexpr std::uint8_t MaxEyeColour = 0x07;     // pink
constexpr std::uint8_t MaxHairColour = 0x09;    // with green and blue of later amendments
constexpr std::uint8_t MaxPoseAngle = 181;      // 1..181 for -180..+180 degrees
constexpr std::uint8_t MaxFaceImageType = 0x02; // token frontal
constexpr std::uint8_t MaxImageDataType = 0x01; // JPEG 2000

void checkValues(const FaceImage& face, std::vector<std::string>& problems) {
    if (face.image.empty()) {
        problems.emplace_back("DG2 face record: no image data");
    }
    auto outside = [&problems](bool wrong, const char* what) {
        if (wrong) {
            problems.emplace_back(std::string("DG2 face record: ") + what + " out of range");
        }
    };
    outside(face.gender > 0x02 && face.gender != Unknown, "gender");
    outside(face.eyeColour > MaxEyeColour && face.eyeColour != Unknown, "eye colour");
    outside(face.hairColour > MaxHairColour && face.hairColour != Unknown, "hair colour");
    const char* angles[] = {"pose angle yaw", "pose angle pitch", "pose angle roll"};
    const char* uncertainties[] = {"pose angle uncertainty yaw", "pose angle uncertainty pitch",
                                   "pose angle uncertainty roll"};
    for (std::size_t i = 0; i < 3; ++i) {
        outside(face.poseAngle[i] > MaxPoseAngle, angles[i]);
        outside(face.poseAngleUncertainty[i] > MaxPoseAngle, uncertainties[i]);
    }
    outside(face.faceImageType > MaxFaceImageType, "face image type");
    outside(face.imageDataType > MaxImageDataType, "image data type");
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

FaceRecord parseFaceRecord(ByteView record, const BiometricHeader& header) {
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
    FaceRecord out;
    for (std::uint16_t i = 0; i < faceCount; ++i) {
        out.faces.push_back(readFace(in, header, versionText));
        checkValues(out.faces.back(), out.problems);
    }
    // §5.4.3, §5.5.1: the record length counts the whole record, each facial record data
    // length its own block; bytes left over were not counted (e.g. feature points left out).
    if (recordLength != record.size()) {
        out.problems.emplace_back("DG2 face record: record length is not the record's size");
    }
    if (in.remaining() != 0) {
        out.problems.emplace_back("DG2 face record: facial record data lengths leave " +
                                  std::to_string(in.remaining()) + " bytes unaccounted for");
    }
    return out;
}

} // namespace cccd::lds
