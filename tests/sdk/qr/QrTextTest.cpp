// The QR's bytes are UTF-8, never a charset guess (field cases BL-08, BL-09).
#include "qr/QrText.h"

#include <gtest/gtest.h>

#include "QrSpec.h"
#include "qr/QrPayload.h"

using namespace cccd;
using namespace cccd::qr;

namespace {

// "text"  hex hex ... [-> garbled] lines of the BL-08 block: the text and its UTF-8 bytes.
struct Sample {
    std::string text;
    Bytes bytes;
};

std::vector<Sample> bl08Samples() {
    std::vector<Sample> out;
    for (const std::string& line : test::spec::lines(qrtest::fieldCaseBlock("### BL-08"))) {
        std::size_t open = line.find('"');
        std::size_t close = line.find('"', open + 1);
        std::size_t arrow = line.find("->");
        if (open != line.find_first_not_of(' ') || close == std::string::npos) {
            continue;
        }
        std::string hex = line.substr(close + 1, arrow == std::string::npos ? std::string::npos
                                                                            : arrow - close - 1);
        std::string ellipsis = "…";
        bool truncated = hex.find(ellipsis) != std::string::npos;
        hex = hex.substr(0, hex.find(ellipsis));
        Sample s{line.substr(open + 1, close - open - 1), fromHex(hex)};
        if (truncated) {
            s.bytes = toBytes(s.text); // the dump shows only the first bytes
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::string bl08Payload() {
    std::vector<std::string> block = test::spec::lines(qrtest::fieldCaseBlock("### BL-08"));
    for (std::size_t i = 0; i + 1 < block.size(); ++i) {
        if (block[i].find("Invented CCCD-style payload") != std::string::npos) {
            std::string line = block[i + 1];
            return line.substr(line.find_first_not_of(' '));
        }
    }
    throw std::runtime_error("BL-08 payload not found");
}

} // namespace

TEST(QrTextTest, Bl08SamplesDecodeAsUtf8) {
    std::vector<Sample> samples = bl08Samples();
    ASSERT_GE(samples.size(), 3u);
    for (const Sample& s : samples) {
        EXPECT_EQ(decodeQrText(ByteView(s.bytes)), s.text) << s.text;
        EXPECT_EQ(toBytes(s.text).size(), s.bytes.size()) << s.text;
    }
}

TEST(QrTextTest, Bl08PayloadRoundTrips) {
    std::string payload = bl08Payload();
    Bytes raw = toBytes(payload);
    std::string decoded = decodeQrText(ByteView(raw));
    EXPECT_EQ(decoded, payload);
    QrPayload p = QrPayload::parse(decoded);
    EXPECT_EQ(p.fullName, "Lê Văn Sơn");
    EXPECT_NE(p.placeOfResidence.find("Vĩnh Bảo"), std::string::npos);
}

TEST(QrTextTest, Bl09LoneB7IsInvalidUtf8NotKatakana) {
    Bytes raw{0xB7};
    try {
        (void)decodeQrText(ByteView(raw));
        FAIL() << "B7 alone decoded";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::MalformedData);
    }
}

TEST(QrTextTest, IllFormedSequencesAreRejected) {
    for (const char* bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                            "\xE1\xBB", "\x80", "\xFF"}) {
        EXPECT_THROW((void)normalizeNfc(bad), Error) << toHex(toBytes(bad));
    }
}

TEST(QrTextTest, NfcComposesVietnamese) {
    EXPECT_EQ(normalizeNfc("Nu\xCC\x9B\xCC\x83"), "Nữ");
    EXPECT_EQ(normalizeNfc("Nguyễn"), "Nguyễn");
    EXPECT_EQ(normalizeNfc(""), "");
}

TEST(QrTextTest, ComparableTextIgnoresCaseAndSpacing) {
    EXPECT_EQ(comparableText("NGUYỄN  Văn An "), comparableText("Nguyễn Văn An"));
    EXPECT_EQ(comparableText("Nguye\xCC\x82\xCC\x83n"), comparableText("NGUYỄN"));
    EXPECT_NE(comparableText("Nguyễn"), comparableText("Nguyên"));
}

TEST(QrTextTest, MrzTransliterationDropsDiacritics) {
    EXPECT_EQ(mrzTransliteration("Nguyễn Văn An"), "NGUYEN VAN AN");
    EXPECT_EQ(mrzTransliteration("Đặng Thị Ánh-Tuyết"), "DANG THI ANH TUYET");
    EXPECT_EQ(mrzTransliteration("  Lê   Văn Sơn "), "LE VAN SON");
}

TEST(QrTextTest, SearchKeyKeepsDigitsAndIgnoresDiacritics) {
    EXPECT_EQ(searchKey("Thường trú CT01"), "thuong tru ct01");
    EXPECT_EQ(searchKey("ĐĂNG KÝ  khai-sinh"), "dang ky khai sinh");
}
