#include "mrz/MrzKey.h"

#include <string>

#include <gtest/gtest.h>

#include "base/Error.h"
#include "support/TestData.h"

using namespace cccd;

// ICAO 9303-11 App. D.2: an 8-character number keeps its filler in MRZ information.
TEST(MrzKeyTest, KeepsFillersOfShortDocumentNumbers) {
    auto d2 = test::vectors("icao-bac.json")["D2_derive_basic_access_keys"];
    mrz::MrzKey typed(d2["document_number"].get<std::string>(),
                      d2["date_of_birth"].get<std::string>(),
                      d2["date_of_expiry"].get<std::string>());
    EXPECT_EQ(typed.mrzInformation(), d2["mrz_information"]);

    std::string trimmed = d2["document_number"];
    trimmed.pop_back(); // the user types the number without its filler
    mrz::MrzKey padded(trimmed, d2["date_of_birth"].get<std::string>(),
                       d2["date_of_expiry"].get<std::string>());
    EXPECT_EQ(padded.documentNumber(), d2["document_number"].get<std::string>());
    EXPECT_EQ(padded.mrzInformation(), d2["mrz_information"]);
    EXPECT_EQ(toString(padded.mrzInformationBytes().view()), d2["mrz_information"]);
}

TEST(MrzKeyTest, TypedLongNumberAndLowerCase) {
    auto stevenson = test::vectors("icao-bac.json")["mrz_information_examples"][1];
    std::string number = stevenson["document_number"];
    number[0] = 'd';
    mrz::MrzKey key(number, stevenson["date_of_birth"].get<std::string>(),
                    stevenson["date_of_expiry"].get<std::string>());
    EXPECT_EQ(key.mrzInformation(), stevenson["mrz_information"]);
}

// cccd.md §2.5 item 3: a no-expiry card may print `<<<<<<`, whose check digit is 0.
TEST(MrzKeyTest, AcceptsFillerExpiryForNoExpiryCards) {
    mrz::MrzKey key("090012345", "440101", "<<<<<<");
    EXPECT_EQ(key.mrzInformation().substr(17), "<<<<<<0");
}

TEST(MrzKeyTest, RejectsInvalidTypedValues) {
    struct Case {
        const char* number;
        const char* birth;
        const char* expiry;
    };

    for (Case c : {Case{"", "900514", "300514"}, Case{"0900-12345", "900514", "300514"},
                   Case{"12345678901234567890123", "900514", "300514"},
                   Case{"090012345", "901314", "300514"}, Case{"090012345", "9005", "300514"},
                   Case{"090012345", "90O514", "300514"}, Case{"090012345", "900514", "300532"},
                   Case{"090012345", "<<<<<<", "300514"}, Case{"090012345", "900514", "30-514"}}) {
        try {
            mrz::MrzKey key(c.number, c.birth, c.expiry);
            ADD_FAILURE() << "accepted " << c.number << " " << c.birth << " " << c.expiry;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
        }
    }
}
