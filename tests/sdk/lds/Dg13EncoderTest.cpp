#include "lds/Dg13Encoder.h"

#include <gtest/gtest.h>

#include "base/Error.h"
#include "lds/Dg13.h"
#include "sdk/lds/Dg13Vectors.h"

using namespace cccd;
namespace dg13 = cccd::test::dg13;

TEST(Dg13EncoderTest, RoundTripsTheInventedVectorByteExact) {
    Bytes vector = dg13::inventedVector();
    EXPECT_EQ(toHex(lds::encodeDg13(lds::Dg13::parse(vector))), toHex(vector));
}

// cccd.md §3.6: every synthetic vector spliced in survives encode(parse(x)) unchanged.
TEST(Dg13EncoderTest, RoundTripsEverySplicedRobustnessVector) {
    for (const auto& [label, member] : dg13::robustnessVectors()) {
        SCOPED_TRACE(label);
        Bytes file = dg13::spliced(member);
        EXPECT_EQ(toHex(lds::encodeDg13(lds::Dg13::parse(file))), toHex(file));
    }
}

TEST(Dg13EncoderTest, BuildsAPersonaFromTypedFields) {
    lds::Dg13 persona;
    persona.personalIdNumber = "079123456789";
    persona.fullName = "Lê Văn Sơn";
    persona.birthDate = lds::Dg13Date::fromText("01/01/1960");
    persona.sex = "Nam";
    persona.placeOfResidence = std::string(300, 'a') + " Hải Phòng";
    persona.issueDate = lds::Dg13Date::fromText("15/08/2021");
    persona.expiryDate = lds::Dg13Date::fromText("Không thời hạn");
    persona.parents = {{lds::ParentRole::Unknown, "Lê Thị Hoa"}};
    persona.spouseName = "Trần Thị Cúc";
    persona.fields.push_back(lds::Dg13Field::make(17, {dg13::utf8("Tí")}));

    Bytes encoded = lds::encodeDg13(persona);
    EXPECT_EQ(encoded[1], 0x82); // over 255 bytes: two-byte length
    auto back = lds::Dg13::parse(encoded);
    EXPECT_EQ(back.personalIdNumber, persona.personalIdNumber);
    EXPECT_EQ(back.fullName, persona.fullName);
    EXPECT_EQ(back.birthDate->iso, "1960-01-01");
    EXPECT_EQ(back.placeOfResidence, persona.placeOfResidence);
    EXPECT_TRUE(back.expiryDate->saysNoExpiry());
    EXPECT_EQ(back.parents, persona.parents);
    EXPECT_EQ(back.spouseName, persona.spouseName);
    EXPECT_FALSE(back.oldIdNumber);
    ASSERT_NE(back.field(15), nullptr); // written in its empty form
    EXPECT_EQ(toHex(back.field(15)->encoded), "300302010F");
    ASSERT_EQ(back.unknownFields().size(), 1u);
    EXPECT_EQ(back.unknownFields()[0]->number, 17u);
    // Field types as on the card: PrintableString for 1, UTF8String for 2.
    EXPECT_EQ(back.field(1)->values[0][0], 0x13);
    EXPECT_EQ(back.field(2)->values[0][0], 0x0C);
}

TEST(Dg13EncoderTest, RejectsTextThatItsStringTypeCannotHold) {
    lds::Dg13 bad;
    bad.personalIdNumber = "00109001234é";
    try {
        (void)lds::encodeDg13(bad);
        ADD_FAILURE() << "accepted a non-PrintableString ID";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
        EXPECT_EQ(std::string(e.what()).find("0010900"), std::string::npos);
    }
    lds::Dg13 badUtf8;
    badUtf8.fullName = std::string("N\xC3", 2);
    EXPECT_THROW((void)lds::encodeDg13(badUtf8), Error);
}
