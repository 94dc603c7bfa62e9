// The reader's choice of access protocol (ICAO 9303-11 §4.2, cccd.md §2.6) against the emulated
// card: PACE when EF.CardAccess offers it, with the CAN when given; BAC only when the card offers
// no PACE; a failed PACE is the answer unless the caller's policy allows BAC, and the result
// says which protocol opened the chip.
#include <algorithm>

#include <gtest/gtest.h>

#include "ReaderTestSupport.h"
#include "reader/CardReader.h"
#include "reader/Document.h"
#include "sdk/mrz/CccdSpec.h"

using namespace cccd;
using namespace cccd::readertest;

namespace {

constexpr std::uint8_t InsManageSecurityEnvironment = 0x22;
constexpr std::uint8_t InsExternalAuthenticate = 0x82;
constexpr std::uint8_t InsGeneralAuthenticate = 0x86;

/// Counts the plain commands (no secure messaging bits in CLA) by instruction byte.
class CountingChannel : public transport::CardChannel {
public:
    explicit CountingChannel(transport::CardChannel& inner) : m_inner(inner) {}

    [[nodiscard]] Bytes transmit(ByteView command) override {
        if (command.size() >= 2 && (command[0] & 0x0C) == 0) {
            m_instructions.push_back(command[1]);
        }
        return m_inner.transmit(command);
    }

    [[nodiscard]] Bytes atr() const override { return m_inner.atr(); }

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override {
        return m_inner.capabilities();
    }

    [[nodiscard]] long count(std::uint8_t ins) const {
        return std::count(m_instructions.begin(), m_instructions.end(), ins);
    }

private:
    transport::CardChannel& m_inner;
    std::vector<std::uint8_t> m_instructions;
};

// The Vietnamese card's CAN: the last 6 digits of the persona's 12-digit ID (cccd.md §1.3).
reader::AccessKey canOf(const std::string& name) {
    return reader::AccessKey::fromIdNumber(persona(name).at("personalIdNumber").get<std::string>());
}

reader::ReadOptions withPolicy(reader::AccessPolicy policy) {
    reader::ReadOptions options;
    options.accessPolicy = policy;
    options.random = seededRandom(11);
    return options;
}

emulator::EmulatorChannel onReader(emulator::CardProfile card) {
    return emulator::EmulatorChannel(
        std::make_shared<emulator::EmulatedCard>(std::move(card), seededRandom(3)));
}

emulator::CardProfile withoutCardAccess(emulator::CardProfile card) {
    card.masterFiles.clear();
    card.pace.clear();
    return card;
}

emulator::CardProfile withoutBac(emulator::CardProfile card) {
    card.bac = false;
    return card;
}

} // namespace

TEST(AccessPolicyTest, VietnameseCardOpensWithPaceAndTheCan) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    reader::CardReadout r = reader::readCard(card, canOf("vn-basic"), withPolicy({}));
    EXPECT_EQ(r.access.protocol, "PACE");
    EXPECT_EQ(r.access.password, "CAN");
    EXPECT_EQ(r.access.paceProtocol, "0.4.0.127.0.7.2.2.4.2.2");
    EXPECT_EQ(r.access.paceParameterId, 13u);
    EXPECT_EQ(r.efCardAccess, profile("vn-basic").masterFiles.at(0).data);
    EXPECT_TRUE(r.dataGroups.contains(13));
}

TEST(AccessPolicyTest, MrzKeyAloneRunsPaceWithTheMrzPassword) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    reader::CardReadout r = reader::readCard(card, accessKey("vn-basic"), withPolicy({}));
    EXPECT_EQ(r.access.protocol, "PACE");
    EXPECT_EQ(r.access.password, "MRZ");
}

TEST(AccessPolicyTest, CardWithoutPaceOpensWithBac) {
    emulator::EmulatorChannel card = onReader(withoutCardAccess(profile("vn-basic")));
    reader::CardReadout r = reader::readCard(card, accessKey("vn-basic"), withPolicy({}));
    EXPECT_EQ(r.access.protocol, "BAC");
    EXPECT_TRUE(r.efCardAccess.empty());
    EXPECT_TRUE(r.access.paceProtocol.empty());
}

TEST(AccessPolicyTest, CanForACardWithoutPaceIsNotSupported) {
    emulator::EmulatorChannel card = onReader(withoutCardAccess(profile("vn-basic")));
    Error e = errorOf([&] { (void)reader::readCard(card, canOf("vn-basic"), withPolicy({})); });
    EXPECT_EQ(e.code(), ErrorCode::NotSupported);
}

TEST(AccessPolicyTest, PaceOnlyCardOpensWithPace) {
    emulator::EmulatorChannel card = onReader(withoutBac(profile("vn-basic")));
    reader::CardReadout r = reader::readCard(card, canOf("vn-basic"), withPolicy({}));
    EXPECT_EQ(r.access.protocol, "PACE");
}

TEST(AccessPolicyTest, PaceOnlyPolicyRefusesACardWithoutPace) {
    emulator::EmulatorChannel card = onReader(withoutCardAccess(profile("vn-basic")));
    Error e = errorOf([&] {
        (void)reader::readCard(card, accessKey("vn-basic"),
                               withPolicy(reader::AccessPolicy::PaceOnly));
    });
    EXPECT_EQ(e.code(), ErrorCode::NotSupported);
}

TEST(AccessPolicyTest, BacOnlyPolicySkipsCardAccessAndPace) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    CountingChannel counted(card);
    reader::CardReadout r =
        reader::readCard(counted, accessKey("vn-basic"), withPolicy(reader::AccessPolicy::BacOnly));
    EXPECT_EQ(r.access.protocol, "BAC");
    EXPECT_TRUE(r.efCardAccess.empty());
    EXPECT_EQ(counted.count(InsManageSecurityEnvironment), 0);
}

// cccd.md §1.3: a wrong CAN fails at step 4 with 6300. One attempt, no retry loop, no BAC.
TEST(AccessPolicyTest, WrongCanIsAccessDeniedAfterOnePaceRun) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    CountingChannel counted(card);
    reader::AccessKey wrong = reader::AccessKey::fromCan("999999");
    wrong.mrz = accessKey("vn-basic");
    Error e = errorOf([&] { (void)reader::readCard(counted, wrong, withPolicy({})); });
    EXPECT_EQ(e.code(), ErrorCode::AccessDenied);
    EXPECT_EQ(e.statusWord(), 0x6300);
    EXPECT_EQ(counted.count(InsManageSecurityEnvironment), 1);
    EXPECT_EQ(counted.count(InsGeneralAuthenticate), 4);
    EXPECT_EQ(counted.count(InsExternalAuthenticate), 0);
}

TEST(AccessPolicyTest, PaceThenBacFallsBackAndSaysWhy) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    reader::AccessKey wrong = reader::AccessKey::fromCan("999999");
    wrong.mrz = accessKey("vn-basic");
    reader::CardReadout r =
        reader::readCard(card, wrong, withPolicy(reader::AccessPolicy::PaceThenBac));
    EXPECT_EQ(r.access.protocol, "BAC");
    EXPECT_EQ(r.access.paceFailure, "access_denied");
    EXPECT_TRUE(r.dataGroups.contains(1));
}

TEST(AccessPolicyTest, CanIsSixToTenDigits) {
    for (const char* bad : {"", "12345", "12345a", "12345678901", "０１２３４５"}) {
        EXPECT_EQ(errorOf([&] { (void)reader::AccessKey::fromCan(bad); }).code(),
                  ErrorCode::InvalidArgument)
            << bad;
    }
    EXPECT_TRUE(reader::AccessKey::fromCan("012345").hasCan());
}

TEST(AccessPolicyTest, IdNumberGivesItsLastSixDigitsAsCan) {
    // cccd.md §1.3: the invented holder's CAN, and vn-basic is that holder.
    std::string accessControl = test::spec::section(test::spec::markdown("cccd.md"),
                                                    "### 1.3 Access control: BAC and PACE");
    std::string can = test::spec::tableRowCode(accessControl, "CAN").at(0);
    std::string id = persona("vn-basic").at("personalIdNumber").get<std::string>();
    EXPECT_EQ(toString(reader::AccessKey::fromIdNumber(id).can.view()), can);
    for (const char* bad : {"", "01234567890", "0010900123456", "00109001234a"}) {
        EXPECT_EQ(errorOf([&] { (void)reader::AccessKey::fromIdNumber(bad); }).code(),
                  ErrorCode::InvalidArgument)
            << bad;
    }
}

TEST(AccessPolicyTest, NoKeyAtAllIsInvalidArgument) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    Error e = errorOf([&] { (void)reader::readCard(card, reader::AccessKey{}, withPolicy({})); });
    EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
}

// A garbled EF.CardAccess is no licence to use BAC: only the caller's policy gives one.
TEST(AccessPolicyTest, BrokenCardAccessIsAnErrorUnlessThePolicyAllowsBac) {
    emulator::CardProfile broken = profile("vn-basic");
    broken.masterFiles.at(0).data.pop_back();
    emulator::EmulatorChannel card = onReader(broken);
    Error e = errorOf([&] { (void)reader::readCard(card, canOf("vn-basic"), withPolicy({})); });
    EXPECT_EQ(e.code(), ErrorCode::MalformedData);

    emulator::EmulatorChannel again = onReader(broken);
    reader::AccessKey key = canOf("vn-basic");
    key.mrz = accessKey("vn-basic");
    reader::CardReadout r =
        reader::readCard(again, key, withPolicy(reader::AccessPolicy::PaceThenBac));
    EXPECT_EQ(r.access.protocol, "BAC");
    EXPECT_EQ(r.access.paceFailure, "malformed_data");
}

// BSI TR-03105-5.1 §5.7: the lower tester refuses SELECT of the application (6982) until PACE
// has run; the reader then runs PACE on the MF and selects the application under secure
// messaging. BAC, which needs the application first, cannot get in.
TEST(AccessPolicyTest, ApplicationThatOpensOnlyAfterPace) {
    emulator::CardProfile locked = profile("vn-basic");
    locked.applicationAfterPace = true;
    emulator::EmulatorChannel card = onReader(locked);
    reader::CardReadout r = reader::readCard(card, canOf("vn-basic"), withPolicy({}));
    EXPECT_EQ(r.access.protocol, "PACE");
    EXPECT_TRUE(r.dataGroups.contains(13));
    EXPECT_TRUE(r.extendedLength);
    reader::Document d = reader::interpret(std::move(r), trustStore());
    EXPECT_TRUE(d.verified());

    emulator::EmulatorChannel again = onReader(locked);
    Error e = errorOf([&] {
        (void)reader::readCard(again, accessKey("vn-basic"),
                               withPolicy(reader::AccessPolicy::BacOnly));
    });
    EXPECT_EQ(e.code(), ErrorCode::CardStatus);
    EXPECT_EQ(e.statusWord(), 0x6982);
}

// cccd.md §2.6: BAC keys from the QR are tried in order, at most three per tap, each after a
// fresh SELECT of the application; the fourth is never sent.
TEST(AccessPolicyTest, BacCandidatesAtMostThreePerTap) {
    mrz::MrzKey right = accessKey("vn-basic");
    mrz::MrzKey wrong(right.documentNumber(), right.birthDate(), "991231");
    mrz::MrzKey alsoWrong(right.documentNumber(), right.birthDate(), "<<<<<<");

    emulator::EmulatorChannel card = onReader(withoutCardAccess(profile("vn-basic")));
    CountingChannel counted(card);
    reader::AccessKey third;
    third.bacCandidates = {wrong, alsoWrong, right};
    reader::CardReadout r = reader::readCard(counted, third, withPolicy({}));
    EXPECT_EQ(r.access.protocol, "BAC");
    EXPECT_EQ(r.access.bacAttempts, 3u);
    EXPECT_EQ(counted.count(InsExternalAuthenticate), 3);

    emulator::EmulatorChannel again = onReader(withoutCardAccess(profile("vn-basic")));
    CountingChannel countedAgain(again);
    reader::AccessKey fourth;
    fourth.bacCandidates = {wrong, alsoWrong, wrong, right};
    Error e = errorOf([&] { (void)reader::readCard(countedAgain, fourth, withPolicy({})); });
    EXPECT_EQ(e.code(), ErrorCode::AccessDenied);
    EXPECT_EQ(countedAgain.count(InsExternalAuthenticate), 3);
}

// The QR's own keys: its CAN opens the Vietnamese card with PACE.
TEST(AccessPolicyTest, QrPayloadGivesTheCanAndBacCandidates) {
    nlohmann::json p = persona("vn-basic");
    std::string id = p.at("personalIdNumber").get<std::string>();
    auto ddmmyyyy = [&p](const char* key) { // "1990-05-14" as the QR writes it: "14051990"
        std::string iso = p.at(key).get<std::string>();
        return iso.substr(8, 2) + iso.substr(5, 2) + iso.substr(0, 4);
    };
    std::string payload = id + "|" + p.at("oldIdNumber").get<std::string>() + "|" +
                          p.at("fullName").get<std::string>() + "|" + ddmmyyyy("dateOfBirth") +
                          "|Nam|" + p.at("placeOfResidence").get<std::string>() + "|" +
                          ddmmyyyy("dateOfIssue");
    reader::AccessKey key = reader::AccessKey::fromQr(qr::QrPayload::parse(payload));
    EXPECT_EQ(toString(key.can.view()), id.substr(6));
    ASSERT_FALSE(key.bacCandidates.empty());
    EXPECT_EQ(key.bacCandidates.front().mrzInformation(), accessKey("vn-basic").mrzInformation());
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    reader::CardReadout r = reader::readCard(card, key, withPolicy({}));
    EXPECT_EQ(r.access.password, "CAN");
}
