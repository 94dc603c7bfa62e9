// The card profile's access and key options (drivers/emulator/README.md, "Profile JSON"): BAC,
// the PACE options, the Active Authentication digest and the Chip Authentication key ID.

#include "emulator/card/CardProfile.h"

#include <gtest/gtest.h>

#include "base/Error.h"

using namespace cccd;
using namespace cccd::emulator;

namespace {

std::string profileWithAccess(const std::string& access, const std::string& keys = "{}") {
    return R"({"format":"cccd-emulator-profile/1","atr":"3B00","access":)" + access +
           R"(,"keys":)" + keys + "}";
}

} // namespace

TEST(CardProfileTest, BacDefaultsToTheMrzBeingThere) {
    EXPECT_TRUE(parseProfile(profileWithAccess(R"({"mrzInformation":"X"})")).offersBac());
    EXPECT_FALSE(parseProfile(profileWithAccess(R"({"can":"123456"})")).offersBac());
    CardProfile paceOnly = parseProfile(profileWithAccess(
        R"({"mrzInformation":"X","bac":false,
            "pace":[{"protocol":"0.4.0.127.0.7.2.2.4.2.2","parameterId":13}]})"));
    EXPECT_FALSE(paceOnly.offersBac());
    ASSERT_EQ(paceOnly.pace.size(), 1U);
    EXPECT_EQ(paceOnly.pace[0], (PaceOption{"0.4.0.127.0.7.2.2.4.2.2", 13}));
}

TEST(CardProfileTest, NewOptionsRoundTrip) {
    CardProfile profile;
    profile.name = "round-trip";
    profile.atr = fromHex("3B00");
    profile.can = SecureBytes(toBytes("123456"));
    profile.bac = false;
    profile.pace = {{"0.4.0.127.0.7.2.2.4.2.2", 13}, {"0.4.0.127.0.7.2.2.4.1.1", 0}};
    profile.activeAuthenticationDigest = "sha256";
    profile.chipAuthenticationKeyId = 13;
    CardProfile copy = parseProfile(profileToJson(profile));
    EXPECT_FALSE(copy.offersBac());
    EXPECT_EQ(copy.pace, profile.pace);
    EXPECT_EQ(copy.activeAuthenticationDigest, "sha256");
    EXPECT_EQ(copy.chipAuthenticationKeyId, 13U);

    // An option published as explicit domain parameters under a proprietary ID.
    profile.pace.push_back({"0.4.0.127.0.7.2.2.4.2.2", 12, 32});
    EXPECT_EQ(parseProfile(profileToJson(profile)).pace, profile.pace);
    EXPECT_EQ(profile.pace.back().announcedParameterId(), 32U);

    CardProfile defaults = parseProfile(profileToJson(CardProfile{}));
    EXPECT_EQ(defaults.activeAuthenticationDigest, "sha1");
    EXPECT_FALSE(defaults.chipAuthenticationKeyId);
    EXPECT_TRUE(defaults.pace.empty());
}

TEST(CardProfileTest, RefusesOptionsTheCardCannotHave) {
    // BAC without its password.
    EXPECT_THROW((void)parseProfile(profileWithAccess(R"({"bac":true})")), Error);
    // PACE without a password, with a non-PACE OID, a non-standard group or a mismatched one.
    const char* pace[] = {
        R"({"pace":[{"protocol":"0.4.0.127.0.7.2.2.4.2.2","parameterId":13}]})",
        R"({"can":"1","pace":[{"protocol":"0.4.0.127.0.7.2.2.3.2.1","parameterId":13}]})",
        R"({"can":"1","pace":[{"protocol":"0.4.0.127.0.7.2.2.4.2.2","parameterId":19}]})",
        R"({"can":"1","pace":[{"protocol":"0.4.0.127.0.7.2.2.4.1.2","parameterId":13}]})",
        R"({"can":"1","pace":[{"protocol":"0.4.0.127.0.7.2.2.4.2.2","parameterId":-1}]})",
        R"({"can":"1","pace":{"protocol":"0.4.0.127.0.7.2.2.4.2.2"}})",
        // A proprietary ID among the standardized ones (ICAO 9303-11 §9.5.1).
        R"({"can":"1","pace":[{"protocol":"0.4.0.127.0.7.2.2.4.2.2","parameterId":12,
                               "explicitParameterId":31}]})",
    };
    for (const char* access : pace) {
        EXPECT_THROW((void)parseProfile(profileWithAccess(access)), Error) << access;
    }
    EXPECT_THROW(
        (void)parseProfile(profileWithAccess("{}", R"({"activeAuthenticationDigest":"md5"})")),
        Error);
    EXPECT_THROW((void)parseProfile(profileWithAccess("{}", R"({"chipAuthenticationKeyId":"13"})")),
                 Error);
}
