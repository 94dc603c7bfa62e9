// PACE on explicit domain parameters (ICAO 9303-11 §9.2.2, §9.5.2): the Appendix G.1 and G.2
// runs replayed byte-exact with the parameters spelled out instead of referenced by ID.
#include <gtest/gtest.h>

#include "access/Pace.h"
#include "crypto/KeyAgreementGroup.h"
#include "sdk/access/PaceTestSupport.h"
#include "sdk/crypto/DomainParameterEncoding.h"

using namespace cccd;
using test::algorithmIdentifier;
using test::explicitBrainpoolP256r1;
using test::hexField;
using test::text;
using test::x942Parameters;

namespace {

nlohmann::json appendixG2() {
    return test::vectors("icao-pace-dh-gm.json");
}

} // namespace

TEST(PaceExplicitParametersTest, ExplicitEcParametersReplayAppendixG1) {
    auto v = test::vectors("icao-pace-ecdh-gm.json");
    Bytes id = algorithmIdentifier("1.2.840.10045.2.1", explicitBrainpoolP256r1());
    auto group = crypto::KeyAgreementGroup::fromDomainParameters(id);
    EXPECT_EQ(group->keyAgreement(), crypto::KeyAgreementAlgorithm::Ecdh);
    EXPECT_EQ(toHex(group->generator()),
              toHex(crypto::KeyAgreementGroup::standardized(13)->generator()));

    test::ScriptedChannel card;
    test::scriptApdus(card, v.at("apdus"), v.at("apdus").size());
    access::PaceParameters parameters;
    parameters.protocol = text(v, "protocol_oid");
    parameters.referenceParameterId = false;
    parameters.explicitDomainParameters = id;
    access::PaceResult result = access::performPace(
        card, parameters, access::PacePasswordType::Mrz,
        toBytes(text(v.at("password"), "mrz_information")),
        test::replayRandom({hexField(v.at("mapping"), "terminal_mapping_private_key"),
                            hexField(v.at("key_agreement"), "terminal_ephemeral_private_key")}));
    EXPECT_EQ(toHex(result.sessionKeys.ksEnc), text(v.at("session_keys"), "ks_enc"));
    EXPECT_EQ(result.explicitDomainParameters, id);
}

TEST(PaceExplicitParametersTest, ExplicitDhParametersReplayAppendixG2) {
    auto v = appendixG2();
    auto groupJson = v.at("group");
    Bytes id = x942Parameters(hexField(groupJson, "p"), hexField(groupJson, "g"),
                              hexField(groupJson, "q"));
    auto group = crypto::KeyAgreementGroup::fromDomainParameters(id);
    EXPECT_EQ(group->keyAgreement(), crypto::KeyAgreementAlgorithm::Dh);
    EXPECT_EQ(toHex(group->generator()), text(groupJson, "g"));

    test::ScriptedChannel card;
    test::scriptApdus(card, v.at("apdus"), v.at("apdus").size());
    access::PaceParameters parameters;
    parameters.protocol = text(v, "protocol_oid");
    parameters.referenceParameterId = false;
    parameters.explicitDomainParameters = id;
    access::PaceResult result = access::performPace(
        card, parameters, access::PacePasswordType::Mrz,
        toBytes(text(v.at("password"), "mrz_information")),
        test::replayRandom({hexField(v.at("mapping"), "terminal_mapping_private_key"),
                            hexField(v.at("key_agreement"), "terminal_ephemeral_private_key")}));
    EXPECT_EQ(toHex(result.sessionKeys.ksEnc), text(v.at("session_keys"), "ks_enc"));
}
