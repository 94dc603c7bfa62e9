#include "lds/Dg1.h"

#include <gtest/gtest.h>

#include "base/Error.h"
#include "mrz/MrzKey.h"
#include "support/TestData.h"
#include "tlv/Tlv.h"

using namespace cccd;

TEST(Dg1Test, BsiSpecimen) {
    Bytes file =
        test::readFile(test::specDir() / "samples/bsi-tr03105-5-reference-dataset/Datagroup1.bin");
    auto dg1 = lds::Dg1::parse(file);
    EXPECT_EQ(dg1.raw, file);
    EXPECT_EQ(dg1.mrz.format, mrz::MrzFormat::Td3);
    EXPECT_TRUE(dg1.mrz.allChecksValid());
    EXPECT_EQ(mrz::MrzKey::fromMrz(dg1.mrz).mrzInformation(), "C11T002JM496081222310314");
}

TEST(Dg1Test, IcaoTd1AndTd2Examples) {
    auto td1 = lds::Dg1::parse(
        test::readFile(test::specDir() / "samples/icao-lds-worked-examples/DG1_TD1_part10_A.bin"));
    EXPECT_EQ(td1.mrz.format, mrz::MrzFormat::Td1);
    EXPECT_EQ(td1.mrz.documentNumber, "XI85935F8");
    auto td2 = lds::Dg1::parse(
        test::readFile(test::specDir() / "samples/icao-lds-worked-examples/DG1_TD2_part10_A.bin"));
    EXPECT_EQ(td2.mrz.format, mrz::MrzFormat::Td2);
    EXPECT_EQ(td2.mrz.documentNumber, "123456789012");
}

TEST(Dg1Test, MalformedInput) {
    EXPECT_THROW((void)lds::Dg1::parse(fromHex("6103 5F1F00")), Error);
    EXPECT_THROW((void)lds::Dg1::parse(tlv::encode(0x61, tlv::encode(0x5F1F, toBytes("P<D")))),
                 Error);
    EXPECT_THROW((void)lds::Dg1::parse(fromHex("6102 0100")), Error);
}
