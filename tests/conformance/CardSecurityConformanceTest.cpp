// EF.CardSecurity as BSI TR-03105-5.1 tests a reader, unit LDS_J (../shared/spec/conformance.md
// §2.11). The test plan bases the unit on CFG.DFLT.EAC, which has no EF.CardSecurity (erratum,
// conformance.md §1.8); the card here is the Vietnamese card with PACE-CAM
// (id-PACE-ECDH-CAM-AES-CBC-CMAC-128 on brainpoolP256r1), the one configuration in which the
// reader reads EF.CardSecurity. EF.CardSecurity is changed, then re-signed by the Document
// Signer, so its signature holds and only the comparison with EF.CardAccess can find the fault.
#include <algorithm>
#include <optional>

#include <gtest/gtest.h>

#include "ConformanceCard.h"
#include "crypto/Oid.h"
#include "lds/Sod.h"
#include "tlv/Tlv.h"

using namespace cccd;
using namespace cccd::conformance;

namespace {

constexpr const char* IdPaceEcdhCamAes128 = "0.4.0.127.0.7.2.2.4.6.2"; // ICAO 9303-11 §9.2.1
constexpr std::string_view IdPkEcdh = "0.4.0.127.0.7.2.2.1.2";
constexpr std::uint64_t BrainpoolP256r1 = 13;
constexpr std::uint16_t FidCardAccess = 0x011C;
constexpr std::uint16_t FidCardSecurity = 0x011D; // under the MF
constexpr std::uint32_t SetTag = 0x31;

// The card with PACE-CAM; with explicitParameterId, EF.CardAccess also holds a
// PACEDomainParameterInfo writing brainpoolP256r1 out under that proprietary ID.
ConformanceCard camCard(std::optional<std::uint64_t> explicitParameterId = std::nullopt) {
    return buildCard("vn-basic", [&explicitParameterId](emulator::Persona& p) {
        p.cardAccess = true;
        p.features.pace = {{IdPaceEcdhCamAes128, BrainpoolP256r1, explicitParameterId}};
        p.features.chipAuthentication->parameterId = BrainpoolP256r1;
    });
}

std::vector<Bytes> elements(ByteView set) {
    std::vector<Bytes> out;
    for (const tlv::Tlv& child : tlv::children(tlv::parse(set, SetTag))) {
        out.emplace_back(child.encoded.begin(), child.encoded.end());
    }
    return out;
}

std::vector<Bytes> cardAccessInfos(ConformanceCard& card) {
    return elements(card.masterFile(FidCardAccess)->data);
}

std::vector<Bytes> cardSecurityInfos(ConformanceCard& card) {
    return elements(
        lds::CardSecurity::parse(card.masterFile(FidCardSecurity)->data).securityInfos());
}

void replaceCardSecurityInfos(ConformanceCard& card, const std::vector<Bytes>& infos) {
    Bytes contents;
    for (const Bytes& info : infos) {
        append(contents, info);
    }
    card.resignCardSecurity(tlv::encode(SetTag, contents));
}

std::string protocolOf(const Bytes& info) {
    return crypto::decodeOid(tlv::children(tlv::parse(info)).at(0).value);
}

// The checks of EF.CardSecurity itself hold: read after PACE-CAM, validly signed.
void expectCardSecurityRead(const Inspection& inspection) {
    ASSERT_TRUE(inspection.document) << inspection.explain();
    const reader::Document& d = *inspection.document;
    EXPECT_EQ(d.readout.access.paceProtocol, IdPaceEcdhCamAes128);
    ASSERT_TRUE(d.cardSecurity) << inspection.explain();
    EXPECT_EQ(d.cardSecurity->verdict, verify::Verdict::Valid) << inspection.explain();
}

// ✘ because EF.CardSecurity does not repeat EF.CardAccess.
void expectCardAccessDiffers(const Inspection& inspection) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    expectCardSecurityRead(inspection);
    EXPECT_EQ(inspection.document->cardAccessCheck(), reader::CardAccessCheck::Differs);
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Valid);
}

} // namespace

// The default PACE-CAM card: EF.CardSecurity holds EF.CardAccess's infos and the CA key.
TEST(CardSecurityConformance, DefaultCamCardHoldsCardAccess) {
    ConformanceCard card = camCard();
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    expectCardSecurityRead(inspection);
    EXPECT_EQ(inspection.document->cardAccessCheck(), reader::CardAccessCheck::Signed);
}

// LDS_J_01: EF.CardSecurity holds one SecurityInfo more than EF.CardAccess (besides the CA key):
// a SecurityInfo of a protocol the reader does not know. ✔
TEST(CardSecurityConformance, LDS_J_01_OneSecurityInfoMore) {
    ConformanceCard card = camCard();
    std::vector<Bytes> infos = cardSecurityInfos(card);
    Bytes unknown = crypto::encodeOidObject("1.3.6.1.4.1.99999.1");
    append(unknown, tlv::encodeInteger(1));
    infos.push_back(tlv::encode(0x30, unknown));
    replaceCardSecurityInfos(card, infos);

    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    expectCardSecurityRead(inspection);
    EXPECT_EQ(inspection.document->cardAccessCheck(), reader::CardAccessCheck::Signed);
    EXPECT_EQ(inspection.document->chipVerdict(), reader::ChipVerdict::Genuine);
}

// LDS_J_02: EF.CardSecurity lacks one of EF.CardAccess's SecurityInfos, each in turn. ✘
TEST(CardSecurityConformance, LDS_J_02_OneCardAccessSecurityInfoMissing) {
    ConformanceCard base = camCard();
    const std::vector<Bytes> accessInfos = cardAccessInfos(base);
    ASSERT_GE(accessInfos.size(), 2U);
    for (const Bytes& removed : accessInfos) {
        SCOPED_TRACE(protocolOf(removed));
        ConformanceCard card = base;
        std::vector<Bytes> infos = cardSecurityInfos(card);
        infos.erase(std::remove(infos.begin(), infos.end(), removed), infos.end());
        replaceCardSecurityInfos(card, infos);
        expectCardAccessDiffers(inspect(card));
    }
}

// LDS_J_03: as many SecurityInfos, but EF.CardSecurity's PACEDomainParameterInfo names another
// parameter ID than EF.CardAccess's. ✘
TEST(CardSecurityConformance, LDS_J_03_DomainParameterIdentifierChanged) {
    constexpr std::uint64_t ExplicitId = emulator::FirstProprietaryParameterId;
    ConformanceCard card = camCard(ExplicitId);
    std::vector<Bytes> infos = cardSecurityInfos(card);
    std::size_t changed = 0;
    for (Bytes& info : infos) {
        // PACEDomainParameterInfo ::= SEQUENCE { protocol, domainParameter, parameterId }
        // (ICAO 9303-11 §9.2.2): its protocol has no cipher arc (…4.6 for ECDH-CAM).
        if (protocolOf(info) != "0.4.0.127.0.7.2.2.4.6") {
            continue;
        }
        std::vector<tlv::Tlv> parts = tlv::children(tlv::parse(info));
        ASSERT_EQ(parts.size(), 3U);
        Bytes contents(parts[0].encoded.begin(), parts[0].encoded.end());
        append(contents, parts[1].encoded);
        append(contents, tlv::encodeInteger(ExplicitId + 1));
        info = tlv::encode(0x30, contents);
        ++changed;
    }
    ASSERT_EQ(changed, 1U);
    ASSERT_EQ(infos.size(), cardSecurityInfos(card).size());
    replaceCardSecurityInfos(card, infos);
    expectCardAccessDiffers(inspect(card));
}

// The same card unchanged: PACE-CAM on the explicit parameters, EF.CardSecurity as signed. ✔
TEST(CardSecurityConformance, CamCardWithExplicitDomainParameters) {
    ConformanceCard card = camCard(emulator::FirstProprietaryParameterId);
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    EXPECT_EQ(inspection.document->cardAccessCheck(), reader::CardAccessCheck::Signed);
}

// LDS_J_04: the ChipAuthenticationPublicKeyInfo PACE-CAM needs, without its protocol OID. ✘
TEST(CardSecurityConformance, LDS_J_04_CamPublicKeyInfoWithoutProtocol) {
    ConformanceCard card = camCard();
    std::vector<Bytes> infos = cardSecurityInfos(card);
    std::size_t changed = 0;
    for (Bytes& info : infos) {
        if (protocolOf(info) != IdPkEcdh) {
            continue;
        }
        std::vector<tlv::Tlv> parts = tlv::children(tlv::parse(info));
        Bytes contents;
        for (std::size_t i = 1; i < parts.size(); ++i) {
            append(contents, parts[i].encoded);
        }
        info = tlv::encode(0x30, contents);
        ++changed;
    }
    ASSERT_EQ(changed, 1U);
    replaceCardSecurityInfos(card, infos);

    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    expectCardSecurityRead(inspection);
    EXPECT_EQ(inspection.document->chipVerdict(), reader::ChipVerdict::PossibleClone)
        << inspection.explain();
}
