#include "lds/Dg13.h"

#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "base/Error.h"
#include "sdk/lds/Dg13Vectors.h"

using namespace cccd;
namespace dg13 = cccd::test::dg13;

namespace {

std::string example(int number) {
    return dg13::inventedExample(number).at(0);
}

bool noteMentions(const lds::Dg13& parsed, const std::string& text) {
    return std::any_of(parsed.anomalies.begin(), parsed.anomalies.end(),
                       [&](const std::string& a) { return a.find(text) != std::string::npos; });
}

} // namespace

TEST(Dg13Test, InventedVectorEveryField) {
    Bytes vector = dg13::inventedVector();
    ASSERT_EQ(vector.size(), 420u);
    auto d = lds::Dg13::parse(vector);
    EXPECT_EQ(d.raw, vector);
    EXPECT_EQ(d.version, 1u);
    EXPECT_EQ(d.oid, "1.0.10646.1.0.8");
    EXPECT_EQ(d.fields.size(), 16u);
    EXPECT_TRUE(d.anomalies.empty());

    EXPECT_EQ(d.personalIdNumber, example(1));
    EXPECT_EQ(d.fullName, example(2));
    EXPECT_EQ(d.birthDate->raw, example(3));
    EXPECT_EQ(d.birthDate->iso, "1990-05-14");
    EXPECT_EQ(d.sex, example(4));
    EXPECT_EQ(d.nationality, example(5));
    EXPECT_EQ(d.ethnicity, example(6));
    EXPECT_EQ(d.religion, example(7));
    EXPECT_EQ(d.placeOfOrigin, example(8));
    // The table elides the middle of the address with "…": compare both ends.
    std::string residence = example(9);
    std::string head = residence.substr(0, residence.find("…"));
    std::string tail = residence.substr(residence.find("…") + std::string("…").size());
    ASSERT_TRUE(d.placeOfResidence);
    EXPECT_EQ(d.placeOfResidence->rfind(head, 0), 0u);
    EXPECT_TRUE(d.placeOfResidence->ends_with(tail));
    EXPECT_EQ(d.identifyingMarks, example(10));
    EXPECT_EQ(d.issueDate->raw, example(11));
    EXPECT_EQ(d.issueDate->iso, "2021-03-10");
    EXPECT_EQ(d.expiryDate->raw, example(12));
    EXPECT_EQ(d.expiryDate->iso, "2030-05-14");
    EXPECT_FALSE(d.expiryDate->saysNoExpiry());

    auto parents = dg13::inventedExample(13);
    ASSERT_EQ(parents.size(), 2u);
    EXPECT_EQ(d.fatherName(), parents[0]);
    EXPECT_EQ(d.motherName(), parents[1]);
    ASSERT_EQ(d.parents.size(), 2u);

    EXPECT_FALSE(d.spouseName); // absent form 30 03 02 01 0E
    ASSERT_NE(d.field(14), nullptr);
    EXPECT_TRUE(d.field(14)->values.empty());
    EXPECT_EQ(d.oldIdNumber, example(15));
    EXPECT_EQ(d.field16, example(16));
    EXPECT_TRUE(d.unknownFields().empty());
}

// cccd.md §3.6: each synthetic vector spliced into the invented DG13.
TEST(Dg13Test, SyntheticRobustnessVectorsOfSection36) {
    auto vectors = dg13::robustnessVectors();
    ASSERT_EQ(vectors.size(), 7u);
    for (const auto& [label, member] : vectors) {
        SCOPED_TRACE(label);
        auto d = lds::Dg13::parse(dg13::spliced(member));
        std::uint64_t number = dg13::numberOf(member);
        const lds::Dg13Field* f = d.field(number);
        ASSERT_NE(f, nullptr);
        EXPECT_EQ(f->encoded, member);
        // The fields around the spliced one are intact.
        EXPECT_EQ(d.personalIdNumber, example(1));
        EXPECT_EQ(d.field16, example(16));
        if (number > 16) {
            ASSERT_EQ(d.unknownFields().size(), 1u);
            EXPECT_EQ(d.unknownFields()[0]->number, number);
        }
    }
    auto byNumber = [&](std::uint64_t n) {
        for (const auto& [label, member] : vectors) {
            if (dg13::numberOf(member) == n) {
                return lds::Dg13::parse(dg13::spliced(member));
            }
        }
        throw std::runtime_error("vector missing");
    };
    auto oneParent = byNumber(13);
    ASSERT_EQ(oneParent.parents.size(), 1u);
    EXPECT_EQ(oneParent.parents[0].role, lds::ParentRole::Unknown);
    EXPECT_EQ(oneParent.parents[0].name, dg13::inventedExample(13).at(1));
    EXPECT_FALSE(oneParent.fatherName());

    auto spouse = byNumber(14);
    ASSERT_TRUE(spouse.spouseName);
    EXPECT_FALSE(spouse.spouseName->empty());

    auto emptyOldId = byNumber(15);
    EXPECT_FALSE(emptyOldId.oldIdNumber);
    EXPECT_NE(emptyOldId.field(15), nullptr);

    EXPECT_EQ(byNumber(17).field(17)->texts().size(), 1u);
    EXPECT_EQ(byNumber(18).field(18)->texts().size(), 2u);
    EXPECT_TRUE(byNumber(19).field(19)->values.empty());
    EXPECT_TRUE(byNumber(20).field(20)->texts().empty());
}

TEST(Dg13Test, LongResidenceUsesLongFormLengthsAndLaterFieldsSurvive) {
    for (std::size_t repeat : {3u, 8u}) { // about 150 and 400 bytes: 81 and 82 lengths
        std::string residence;
        for (std::size_t i = 0; i < repeat; ++i) {
            residence += "Thôn Đông Xuân, Xã Quảng Phú Cầu, Huyện Ứng Hòa, ";
        }
        residence += "Thành phố Hà Nội";
        Bytes file =
            dg13::file({dg13::field(1, {dg13::printable("001090012345")}),
                        dg13::field(9, {dg13::utf8(residence)}), dg13::field(10, {dg13::utf8("x")}),
                        dg13::field(11, {dg13::printable("10/03/2021")})});
        auto d = lds::Dg13::parse(file);
        EXPECT_EQ(d.placeOfResidence, residence);
        EXPECT_EQ(d.identifyingMarks, "x");
        EXPECT_EQ(d.issueDate->iso, "2021-03-10");
        EXPECT_EQ(d.field(9)->encoded[1], residence.size() + 2 < 256 ? 0x81 : 0x82);
    }
}

TEST(Dg13Test, SparseCardWithoutSpouseOldIdOrSecondParent) {
    Bytes file = dg13::file(
        {dg13::field(1, {dg13::printable("001090012345")}), dg13::field(2, {dg13::utf8("An")}),
         dg13::field(12, {dg13::utf8("Không thời hạn")}),
         dg13::field(13, {dg13::sequence({dg13::utf8("Cúc")})}), dg13::field(14)});
    auto d = lds::Dg13::parse(file);
    EXPECT_EQ(d.fullName, "An");
    EXPECT_FALSE(d.birthDate);
    EXPECT_FALSE(d.placeOfResidence);
    EXPECT_FALSE(d.spouseName);
    EXPECT_FALSE(d.oldIdNumber);
    EXPECT_EQ(d.field(15), nullptr);
    EXPECT_FALSE(d.field16);
    ASSERT_TRUE(d.expiryDate);
    EXPECT_EQ(d.expiryDate->raw, "Không thời hạn");
    EXPECT_FALSE(d.expiryDate->iso);
    EXPECT_TRUE(d.expiryDate->saysNoExpiry());
    EXPECT_EQ(d.parents, (std::vector<lds::Parent>{{lds::ParentRole::Unknown, "Cúc"}}));
}

// Field case 15 of cccd.md §5.2: one SEQUENCE holding both names.
TEST(Dg13Test, ParentsInOneSequenceOrAsBareStrings) {
    auto oneSequence = lds::Dg13::parse(
        dg13::file({dg13::field(13, {dg13::sequence({dg13::utf8("Bình"), dg13::utf8("Cúc")})})}));
    EXPECT_EQ(oneSequence.fatherName(), "Bình");
    EXPECT_EQ(oneSequence.motherName(), "Cúc");

    auto bare =
        lds::Dg13::parse(dg13::file({dg13::field(13, {dg13::utf8("Bình"), dg13::utf8("Cúc")})}));
    EXPECT_EQ(bare.fatherName(), "Bình");
    EXPECT_EQ(bare.motherName(), "Cúc");

    // An empty father slot keeps the mother in her place.
    auto motherOnly = lds::Dg13::parse(
        dg13::file({dg13::field(13, {dg13::sequence({}), dg13::sequence({dg13::utf8("Cúc")})})}));
    EXPECT_EQ(motherOnly.parents, (std::vector<lds::Parent>{{lds::ParentRole::Mother, "Cúc"}}));
}

TEST(Dg13Test, UnsortedSetAndMultiByteFieldNumbers) {
    Bytes unknown300 = dg13::field(300, {dg13::utf8("opaque")});
    ASSERT_EQ(unknown300[2], 0x02);
    ASSERT_EQ(unknown300[3], 0x02); // INTEGER 300 takes two bytes
    Bytes unknown255 = dg13::field(255, {fromHex("0403010203")});
    Bytes file = dg13::file({unknown300, dg13::field(11, {dg13::printable("10/03/2021")}),
                             dg13::field(2, {dg13::utf8("An")}), unknown255,
                             dg13::field(1, {dg13::printable("001090012345")})});
    auto d = lds::Dg13::parse(file);
    EXPECT_EQ(d.personalIdNumber, "001090012345");
    EXPECT_EQ(d.fullName, "An");
    EXPECT_EQ(d.issueDate->raw, "10/03/2021");
    auto unknown = d.unknownFields();
    ASSERT_EQ(unknown.size(), 2u);
    EXPECT_EQ(unknown[0]->number, 300u);
    EXPECT_EQ(unknown[0]->encoded, unknown300);
    EXPECT_EQ(unknown[1]->number, 255u);
    EXPECT_EQ(unknown[1]->encoded, unknown255);
}

TEST(Dg13Test, AnyStringTypeInAnyField) {
    auto d = lds::Dg13::parse(dg13::file({dg13::field(1, {dg13::utf8("001090012345")}),
                                          dg13::field(2, {dg13::printable("NGUYEN VAN AN")}),
                                          dg13::field(4, {dg13::sequence({dg13::utf8("Nam")})})}));
    EXPECT_EQ(d.personalIdNumber, "001090012345");
    EXPECT_EQ(d.fullName, "NGUYEN VAN AN");
    EXPECT_EQ(d.sex, "Nam");
}

TEST(Dg13Test, OddMembersAreKeptAndNoted) {
    Bytes badUtf8 = dg13::field(2, {tlv::encode(0x0C, fromHex("4EC3"))});
    Bytes notAField = fromHex("0401AA");
    Bytes noNumber = dg13::sequence({dg13::utf8("x")});
    Bytes badDate = dg13::field(3, {dg13::printable("31/02/1990")});
    auto d = lds::Dg13::parse(dg13::file({dg13::field(1, {dg13::printable("001090012345")}),
                                          badUtf8, notAField, noNumber, badDate}));
    EXPECT_EQ(d.personalIdNumber, "001090012345");
    EXPECT_FALSE(d.fullName);
    EXPECT_TRUE(noteMentions(d, "field 2"));
    EXPECT_EQ(d.otherElements.size(), 2u);
    EXPECT_EQ(d.birthDate->raw, "31/02/1990");
    EXPECT_FALSE(d.birthDate->iso);
    EXPECT_TRUE(noteMentions(d, "field 3"));
    for (const std::string& note : d.anomalies) {
        EXPECT_EQ(note.find("1990"), std::string::npos);
    }
}

TEST(Dg13Test, TruncatedInputThrowsMalformedData) {
    Bytes vector = dg13::inventedVector();
    for (std::size_t length = 0; length < vector.size(); ++length) {
        try {
            (void)lds::Dg13::parse(ByteView(vector).first(length));
            ADD_FAILURE() << "accepted a DG13 truncated to " << length;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::MalformedData);
            EXPECT_EQ(std::string(e.what()).find("001090012345"), std::string::npos);
        }
    }
}

// Field case BL-04: a DG13 that is not TLV inside, and random bytes: an Error, never a crash.
TEST(Dg13Test, GarbageInputThrowsMalformedData) {
    EXPECT_THROW((void)lds::Dg13::parse(fromHex("6D050102030405")), Error);
    EXPECT_THROW((void)lds::Dg13::parse(fromHex("6D03300100")), Error);
    Bytes vector = dg13::inventedVector();
    std::uint32_t state = 12345;
    for (int round = 0; round < 2000; ++round) {
        Bytes mutated = vector;
        for (int k = 0; k < 4; ++k) {
            state = state * 1103515245u + 12345u;
            mutated[4 + (state >> 8) % (mutated.size() - 4)] =
                static_cast<std::uint8_t>(state >> 24);
        }
        try {
            auto d = lds::Dg13::parse(mutated);
            EXPECT_EQ(d.raw, mutated);
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::MalformedData);
        }
    }
}
