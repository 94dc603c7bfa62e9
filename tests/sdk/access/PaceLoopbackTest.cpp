// performPace against a minimal chip written in this test from the chip's side of ICAO 9303-11
// §4.4, for the combinations the worked examples do not cover: 3DES and AES-192/256 suites,
// Integrated Mapping with 3DES, the 2048-bit MODP groups, whose keys need extended-length
// APDUs (§9.3.1), and a 521-bit curve. The chip reuses KeyAgreementGroup and PaceCipherSuite, so
// this checks the protocol flow and the APDUs; the appendices' byte-exact replays check the
// arithmetic.
#include <gtest/gtest.h>

#include "access/Pace.h"
#include "access/PaceCipherSuite.h"
#include "access/PaceIntegratedMapping.h"
#include "apdu/CommandApdu.h"
#include "crypto/KeyAgreementGroup.h"
#include "crypto/Oid.h"
#include "sdk/access/PaceTestSupport.h"
#include "tlv/Tlv.h"

using namespace cccd;

namespace {

Bytes answer(std::uint32_t tag, ByteView value) {
    Bytes out = tlv::encode(0x7C, value.empty() && tag == 0 ? Bytes{} : tlv::encode(tag, value));
    append(out, Bytes{0x90, 0x00});
    return out;
}

Bytes inner(const apdu::CommandApdu& command, std::uint32_t tag) {
    tlv::Tlv outer = tlv::parse(command.data, 0x7C);
    auto object = tlv::findChild(outer, tag);
    if (!object) {
        ADD_FAILURE() << "no tag " << tag;
        return {};
    }
    return Bytes(object->value.begin(), object->value.end());
}

class LoopbackChip : public transport::CardChannel {
public:
    LoopbackChip(std::string protocol, std::uint64_t parameterId, Bytes can)
        : m_suite(access::PaceCipherSuite::fromProtocol(protocol)),
          m_group(crypto::KeyAgreementGroup::standardized(parameterId)), m_can(std::move(can)) {}

    Bytes transmit(ByteView raw) override {
        apdu::CommandApdu command = apdu::CommandApdu::decode(raw);
        m_sawExtended = m_sawExtended || command.isExtended();
        if (command.isExtended()) {
            EXPECT_EQ(command.ne, apdu::ExtendedNeMax); // no mixed short Lc / extended Le
        }
        switch (m_step++) {
        case 0: // MSE:Set AT
            EXPECT_EQ(toHex(tlv::parse(command.data, 0x80).value),
                      toHex(crypto::encodeOid(m_suite.protocol)));
            return {0x90, 0x00};
        case 1:
            return encryptedNonce();
        case 2:
            return mapNonce(command);
        case 3:
            return keyAgreement(command);
        default:
            return mutualAuthentication(command);
        }
    }

    Bytes atr() const override { return {0x3B, 0x00}; }

    transport::ChannelCapabilities capabilities() const override { return {true, 65535, 65536}; }

    bool m_sawExtended = false;
    sm::SessionKeys m_keys;

private:
    Bytes encryptedNonce() {
        m_nonce = m_random(access::pacePseudoRandomBlockSize(m_suite));
        SecureBytes kPi =
            access::derivePacePasswordKey(access::PacePasswordType::Can, m_can, m_suite.keyType);
        return answer(0x80, m_suite.encrypt(kPi, m_nonce));
    }

    Bytes mapNonce(const apdu::CommandApdu& command) {
        Bytes mapping = inner(command, 0x81);
        if (m_suite.mapping == access::PaceMapping::Integrated) {
            m_mapped = m_group->mapIntegrated(
                access::pacePseudoRandom(m_suite, m_nonce, mapping, m_group->primeBits()));
            return answer(0, {});
        }
        crypto::EphemeralKeyPair chip = m_group->generateKeyPair(m_random);
        m_mapped = m_group->mapGeneric(m_nonce, chip.privateKey, mapping);
        return answer(0x82, chip.publicKey);
    }

    Bytes keyAgreement(const apdu::CommandApdu& command) {
        m_terminalKey = inner(command, 0x83);
        m_ephemeral = m_mapped->generateKeyPair(m_random);
        m_keys = m_suite.sessionKeys(m_mapped->sharedSecret(m_ephemeral.privateKey, m_terminalKey));
        return answer(0x84, m_ephemeral.publicKey);
    }

    Bytes mutualAuthentication(const apdu::CommandApdu& command) {
        Bytes expected = m_suite.authenticationToken(m_keys.ksMac, m_ephemeral.publicKey);
        if (inner(command, 0x85) != expected) {
            return {0x63, 0x00};
        }
        return answer(0x86, m_suite.authenticationToken(m_keys.ksMac, m_terminalKey));
    }

    access::PaceCipherSuite m_suite;
    std::unique_ptr<crypto::KeyAgreementGroup> m_group;
    std::unique_ptr<crypto::KeyAgreementGroup> m_mapped;
    Bytes m_can;
    Bytes m_nonce;
    Bytes m_terminalKey;
    crypto::EphemeralKeyPair m_ephemeral;
    crypto::RandomSource m_random = crypto::systemRandom();
    int m_step = 0;
};

struct Case {
    const char* protocol;
    std::uint64_t parameterId;
    bool extended;
};

} // namespace

TEST(PaceLoopbackTest, RunsSuitesAndGroupsWithoutWorkedExamples) {
    for (Case c : {Case{"0.4.0.127.0.7.2.2.4.2.1", 13, false},    // ECDH-GM-3DES
                   Case{"0.4.0.127.0.7.2.2.4.2.3", 16, false},    // ECDH-GM-AES-192
                   Case{"0.4.0.127.0.7.2.2.4.2.4", 18, false},    // ECDH-GM-AES-256, P-521
                   Case{"0.4.0.127.0.7.2.2.4.4.1", 12, false},    // ECDH-IM-3DES
                   Case{"0.4.0.127.0.7.2.2.4.4.4", 17, false},    // ECDH-IM-AES-256
                   Case{"0.4.0.127.0.7.2.2.4.1.1", 1, true},      // DH-GM-3DES, 2048/224
                   Case{"0.4.0.127.0.7.2.2.4.3.3", 2, true},      // DH-IM-AES-192, 2048/256
                   Case{"0.4.0.127.0.7.2.2.4.6.4", 12, false}}) { // CAM flow up to step 4
        SCOPED_TRACE(c.protocol);
        Bytes can = toBytes("123456");
        LoopbackChip chip(c.protocol, c.parameterId, can);
        access::PaceParameters parameters{c.protocol, c.parameterId, true, {}};
        auto suite = access::PaceCipherSuite::fromProtocol(c.protocol);
        if (suite.mapping == access::PaceMapping::ChipAuthentication) {
            // This chip sends no 8A: a CAM terminal must refuse (ISO7816_C_29).
            test::expectError(ErrorCode::MalformedData, [&] {
                (void)access::performPace(chip, parameters, access::PacePasswordType::Can, can,
                                          crypto::systemRandom());
            });
            continue;
        }
        access::PaceResult result = access::performPace(
            chip, parameters, access::PacePasswordType::Can, can, crypto::systemRandom());
        EXPECT_EQ(toHex(result.sessionKeys.ksEnc), toHex(chip.m_keys.ksEnc));
        EXPECT_EQ(toHex(result.sessionKeys.ksMac), toHex(chip.m_keys.ksMac));
        EXPECT_EQ(result.sessionKeys.ksEnc.size(), suite.keySize());
        EXPECT_EQ(result.keyType, suite.keyType);
        EXPECT_EQ(result.mapping, suite.mapping);
        EXPECT_EQ(chip.m_sawExtended, c.extended);
    }
}

TEST(PaceLoopbackTest, WrongCanIsAccessDenied) {
    LoopbackChip chip("0.4.0.127.0.7.2.2.4.2.1", 13, toBytes("123456"));
    access::PaceParameters parameters{"0.4.0.127.0.7.2.2.4.2.1", 13, true, {}};
    test::expectError(ErrorCode::AccessDenied, 0x6300, [&] {
        (void)access::performPace(chip, parameters, access::PacePasswordType::Can,
                                  toBytes("654321"), crypto::systemRandom());
    });
}
