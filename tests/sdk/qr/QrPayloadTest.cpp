// The card's QR payload (cccd.md §4): both layouts, the empty old-ID field, dates, sex,
// trimming, NFC, extra fields kept raw, and a typed error naming the bad field otherwise.
#include "qr/QrPayload.h"

#include <gtest/gtest.h>

#include "QrSpec.h"

using namespace cccd;
using namespace cccd::qr;
using namespace std::chrono;

namespace {

std::vector<std::string> fieldsOf(const std::string& payload) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t end = payload.find('|', start);
        out.push_back(payload.substr(start, end - start));
        if (end == std::string::npos) {
            return out;
        }
        start = end + 1;
    }
}

std::string join(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        out += (i ? "|" : "") + fields[i];
    }
    return out;
}

std::string withField(const std::string& payload, std::size_t index, const std::string& value) {
    std::vector<std::string> fields = fieldsOf(payload);
    fields.at(index) = value;
    return join(fields);
}

QrField badField(const std::string& text) {
    try {
        (void)QrPayload::parse(text);
    } catch (const QrPayloadError& e) {
        EXPECT_EQ(e.code(), ErrorCode::MalformedData);
        return e.field();
    }
    ADD_FAILURE() << "parsed: " << text;
    return QrField::Payload;
}

} // namespace

TEST(QrPayloadTest, Parses2021Layout) {
    std::string text = qrtest::example2021();
    std::vector<std::string> fields = fieldsOf(text);
    QrPayload p = QrPayload::parse(text);
    EXPECT_EQ(p.layout, QrLayout::Cccd2021);
    EXPECT_EQ(p.personalIdNumber, fields[0]);
    EXPECT_EQ(p.oldIdNumber, fields[1]);
    EXPECT_EQ(p.fullName, fields[2]);
    EXPECT_EQ(p.dateOfBirth, year_month_day(year(1990), May, day(14)));
    EXPECT_EQ(p.sex, Sex::Male);
    EXPECT_EQ(p.placeOfResidence, fields[5]);
    EXPECT_EQ(p.dateOfIssue, year_month_day(year(2021), March, day(10)));
    EXPECT_TRUE(p.extraFields.empty());
}

TEST(QrPayloadTest, Parses2024LayoutKeepingTheEmptyTrailingFields) {
    std::string text = qrtest::example2024();
    QrPayload p = QrPayload::parse(text);
    EXPECT_EQ(p.layout, QrLayout::CanCuoc2024);
    EXPECT_EQ(p.dateOfIssue, year_month_day(year(2024), October, day(4)));
    EXPECT_EQ(p.extraFields, std::vector<std::string>(4));
    EXPECT_EQ(fieldsOf(text).size(), fieldCount(QrLayout::CanCuoc2024));
}

TEST(QrPayloadTest, ExtraFieldsAreKeptRaw) {
    std::vector<std::string> fields = fieldsOf(qrtest::example2024());
    fields[7] = "001060054321";
    fields[9] = "Trần Thị Cúc";
    fields.push_back("future");
    QrPayload p = QrPayload::parse(join(fields));
    EXPECT_EQ(p.extraFields,
              (std::vector<std::string>{"001060054321", "", "Trần Thị Cúc", "", "future"}));
}

TEST(QrPayloadTest, EmptyOldIdDoesNotShiftTheFields) {
    std::string text = withField(qrtest::example2021(), 1, "");
    QrPayload p = QrPayload::parse(text);
    EXPECT_TRUE(p.oldIdNumber.empty());
    EXPECT_EQ(p.fullName, fieldsOf(text)[2]);
    EXPECT_EQ(p.dateOfBirth, year_month_day(year(1990), May, day(14)));
}

TEST(QrPayloadTest, FemaleIsNu) {
    QrPayload p = QrPayload::parse(withField(qrtest::example2021(), 4, "Nữ"));
    EXPECT_EQ(p.sex, Sex::Female);
}

TEST(QrPayloadTest, TextIsTrimmedAndNfcNormalised) {
    // "Nữ" decomposed: u + combining horn (U+031B) + combining tilde (U+0303).
    std::string decomposed = "Nu\xCC\x9B\xCC\x83";
    std::string text = withField(qrtest::example2021(), 4, decomposed);
    text = withField(text, 2, " Nguye\xCC\x82\xCC\x83n Văn An ");
    QrPayload p = QrPayload::parse("\xEF\xBB\xBF  " + text + "\r\n");
    EXPECT_EQ(p.sex, Sex::Female);
    EXPECT_EQ(p.fullName, "Nguyễn Văn An");
}

TEST(QrPayloadTest, DatesMustBeCalendarDates) {
    std::string text = qrtest::example2021();
    for (const char* bad :
         {"29022021", "31042000", "00011990", "14131990", "1405199", "14-05-90", "140519900", ""}) {
        EXPECT_EQ(badField(withField(text, 3, bad)), QrField::DateOfBirth) << bad;
        EXPECT_EQ(badField(withField(text, 6, bad)), QrField::DateOfIssue) << bad;
    }
    EXPECT_NO_THROW((void)QrPayload::parse(withField(text, 3, "29022000")));
    EXPECT_EQ(badField(withField(text, 6, "01011980")), QrField::DateOfIssue);
}

TEST(QrPayloadTest, EachBadFieldIsNamed) {
    std::string text = qrtest::example2021();
    EXPECT_EQ(badField(withField(text, 0, "00109001234")), QrField::PersonalIdNumber);
    EXPECT_EQ(badField(withField(text, 0, "00109001234A")), QrField::PersonalIdNumber);
    EXPECT_EQ(badField(withField(text, 1, "12345678")), QrField::OldIdNumber);
    EXPECT_EQ(badField(withField(text, 2, "")), QrField::FullName);
    EXPECT_EQ(badField(withField(text, 4, "Male")), QrField::Sex);
    EXPECT_EQ(badField(withField(text, 4, "nam")), QrField::Sex);
    EXPECT_EQ(badField(withField(text, 5, " ")), QrField::PlaceOfResidence);
    EXPECT_NO_THROW((void)QrPayload::parse(withField(text, 1, "001090012345")));
}

TEST(QrPayloadTest, FieldCountMustBeSevenOrEleven) {
    std::vector<std::string> fields = fieldsOf(qrtest::example2024());
    for (std::size_t count : {1u, 6u, 8u, 9u, 10u}) {
        std::vector<std::string> cut(fields.begin(), fields.begin() + count);
        EXPECT_EQ(badField(join(cut)), QrField::Payload) << count;
    }
    EXPECT_EQ(badField(""), QrField::Payload);
    EXPECT_EQ(badField(" \r\n"), QrField::Payload);
}

TEST(QrPayloadTest, OtherAppsFormatsAreRejectedNotMisread) {
    std::vector<std::string> fields = fieldsOf(qrtest::example2021());
    std::string labelled = "CCCD:" + fields[0] + "|CMND:" + fields[1];
    for (std::size_t i = 2; i < fields.size(); ++i) {
        labelled += "|" + fields[i];
    }
    EXPECT_EQ(badField(labelled), QrField::Payload);
    EXPECT_EQ(badField("{\"cccd\":\"" + fields[0] + "\"}"), QrField::Payload);
    try {
        (void)QrPayload::parse(labelled);
    } catch (const QrPayloadError& e) {
        EXPECT_NE(std::string(e.what()).find("labelled"), std::string::npos);
        EXPECT_EQ(std::string(e.what()).find(fields[0]), std::string::npos) << "no personal data";
    }
}

TEST(QrPayloadTest, InvalidUtf8IsAnError) {
    std::string text = withField(qrtest::example2021(), 2, "L\xC3");
    EXPECT_EQ(badField(text), QrField::Payload);
}

TEST(QrPayloadTest, ErrorsCarryNoPersonalData) {
    std::string text = qrtest::example2021();
    std::string bad = withField(text, 3, "99999999");
    try {
        (void)QrPayload::parse(bad);
        FAIL();
    } catch (const QrPayloadError& e) {
        std::string message = e.what();
        for (const std::string& field : fieldsOf(bad)) {
            EXPECT_EQ(message.find(field), std::string::npos);
        }
    }
}
