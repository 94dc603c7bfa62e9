// The profile kinds the generator builds: what each card offers (BAC, PACE options, CA, AA),
// checked through the SDK's LDS parsers and independent OpenSSL operations. The CCCD's
// EF.CardAccess comes from tests/data (transcribed from cccd.md §1.4).

#include "emulator/profilegen/ProfileBuilder.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include <openssl/cms.h>
#include <openssl/rsa.h>

#include <gtest/gtest.h>

#include "TestKeys.h"
#include "base/Error.h"
#include "crypto/Hash.h"
#include "crypto/Kdf.h"
#include "crypto/Oid.h"
#include "emulator/card/ActiveAuthenticationResponder.h"
#include "emulator/card/ChipAuthenticationResponder.h"
#include "emulator/profilegen/Persona.h"
#include "emulator/profilegen/TestPki.h"
#include "lds/CardAccess.h"
#include "lds/Dg14.h"
#include "lds/Dg15.h"
#include "lds/Sod.h"
#include "support/TestData.h"
#include "tlv/Tlv.h"

using namespace cccd;
using namespace cccd::emulator;

namespace {

constexpr const char* IdPaceEcdhIm128 = "0.4.0.127.0.7.2.2.4.4.2";
constexpr const char* IdPaceEcdhCam128 = "0.4.0.127.0.7.2.2.4.6.2";
constexpr const char* IdPaceDhGm128 = "0.4.0.127.0.7.2.2.4.1.2";
constexpr const char* IdPaceEcdhGm256 = "0.4.0.127.0.7.2.2.4.2.4";
constexpr const char* IdCaEcdh3Des = "0.4.0.127.0.7.2.2.3.2.1";
constexpr const char* IdCaDhAes128 = "0.4.0.127.0.7.2.2.3.1.2";
constexpr const char* EcdsaWithSha256 = "1.2.840.10045.4.3.2";

const std::vector<std::string> VietnamesePersonas{"vn-basic", "vn-long-residence", "vn-no-expiry"};

std::filesystem::path personaDir() {
    return cccd::test::sourceDir() / "drivers/emulator/personas";
}

std::vector<std::string> allPersonas() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(personaDir())) {
        if (entry.path().extension() == ".json") {
            names.push_back(entry.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

const TestPki& pki() {
    static TestPki instance = TestPki::generate();
    return instance;
}

const PersonaCard& card(const std::string& name) {
    static std::map<std::string, PersonaCard> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        Persona persona = loadPersona(personaDir() / (name + ".json"));
        it = cache.emplace(name, buildPersonaCard(persona, pki())).first;
    }
    return it->second;
}

const ElementaryFile* findFile(const std::vector<ElementaryFile>& files, std::uint16_t fid) {
    for (const auto& ef : files) {
        if (ef.fid == fid) {
            return &ef;
        }
    }
    return nullptr;
}

const Bytes& dataGroup(const std::string& name, int number) {
    const ElementaryFile* ef =
        findFile(card(name).profile.applicationFiles, static_cast<std::uint16_t>(0x0100 + number));
    if (ef == nullptr) {
        throw Error(ErrorCode::FileNotFound, "no DG" + std::to_string(number));
    }
    return ef->data;
}

nlohmann::json profileJson(const std::string& name) {
    return nlohmann::json::parse(profileToJson(card(name).profile));
}

// Hex of tests/data/emulator/<file>, '#' lines being comments.
Bytes testDataHex(const std::string& file) {
    std::string text =
        toString(cccd::test::readFile(cccd::test::testDataDir() / "emulator" / file));
    std::string hex;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (!line.starts_with('#')) {
            hex += line;
        }
    }
    return fromHex(hex);
}

crypto::EvpPkeyPtr publicKey(ByteView spki) {
    const unsigned char* in = spki.data();
    return crypto::EvpPkeyPtr(d2i_PUBKEY(nullptr, &in, static_cast<long>(spki.size())));
}

bool cmsVerifiesWithTheCsca(ByteView contentInfo) {
    const unsigned char* in = contentInfo.data();
    CMS_ContentInfo* cms = d2i_CMS_ContentInfo(nullptr, &in, static_cast<long>(contentInfo.size()));
    if (cms == nullptr) {
        return false;
    }
    X509_STORE* store = X509_STORE_new();
    X509_STORE_add_cert(store, pki().csca.get());
    X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store), 1700000000); // 2023-11
    X509_STORE_set_purpose(store, X509_PURPOSE_ANY);
    int ok = CMS_verify(cms, nullptr, store, nullptr, nullptr, CMS_BINARY);
    X509_STORE_free(store);
    CMS_ContentInfo_free(cms);
    return ok == 1;
}

// A terminal with a fresh key on the DG14 key's domain parameters runs Chip Authentication
// against the card's responder; true when both sides end with the same session keys.
bool chipAuthenticationAgrees(const std::string& name) {
    const CardProfile& profile = card(name).profile;
    auto dg14 = lds::Dg14::parse(dataGroup(name, 14));
    const auto& info = dg14.securityInfos.chipAuthenticationInfos.at(0);
    const auto& published = dg14.securityInfos.chipAuthenticationPublicKeyInfos.at(0);
    crypto::EvpPkeyPtr chipPublic = publicKey(published.publicKey.encoded);
    EXPECT_TRUE(chipPublic);

    emutest::PkeyCtxPtr generator(EVP_PKEY_CTX_new_from_pkey(nullptr, chipPublic.get(), nullptr));
    EVP_PKEY* terminalKey = nullptr;
    EXPECT_EQ(EVP_PKEY_keygen_init(generator.get()), 1);
    EXPECT_EQ(EVP_PKEY_keygen(generator.get(), &terminalKey), 1);
    crypto::EvpPkeyPtr terminal(terminalKey);
    Bytes terminalPublic = emutest::encodedPublicKey(terminal.get());

    ChipAuthenticationResponder responder(profile.chipAuthenticationKeyPem, info.protocol,
                                          info.keyId);
    ChipAuthenticationResponder::Outcome outcome;
    if (info.cipher == lds::SmCipher::TripleDes) {
        outcome = responder.setKeyAgreementTemplate(tlv::encode(0x91, terminalPublic));
    } else {
        Bytes mse = tlv::encode(0x80, crypto::encodeOid(info.protocol));
        EXPECT_EQ(responder.setAuthenticationTemplate(mse).statusWord, StatusWord::Success);
        outcome =
            responder.generalAuthenticate(tlv::encode(0x7C, tlv::encode(0x80, terminalPublic)));
    }
    EXPECT_EQ(outcome.statusWord, StatusWord::Success);
    EXPECT_TRUE(outcome.newKeys);
    if (!outcome.newKeys) {
        return false;
    }
    Bytes k = emutest::terminalSharedSecret(terminal.get(), chipPublic.get());
    crypto::KeyType type = info.cipher == lds::SmCipher::TripleDes ? crypto::KeyType::Tdes
                           : info.keyLength == 256                 ? crypto::KeyType::Aes256
                                                                   : crypto::KeyType::Aes128;
    return toHex(outcome.newKeys->macKey) ==
           toHex(crypto::deriveKey(k, crypto::KdfCounter::Mac, type));
}

// The terminal's Active Authentication check (ICAO 9303-11 §6.1) with DG15's key, written here
// from OpenSSL's raw RSA public operation and ECDSA verification.
bool activeAuthenticationVerifies(const std::string& name) {
    const CardProfile& profile = card(name).profile;
    std::string digest =
        profileJson(name).at("keys").at("activeAuthenticationDigest").get<std::string>();
    ActiveAuthenticationResponder responder(profile.activeAuthenticationKeyPem, digest);
    Bytes challenge = fromHex("4608F91988702212");
    Bytes signature = responder.internalAuthenticate(challenge).response;
    auto dg15 = lds::Dg15::parse(dataGroup(name, 15));
    crypto::EvpPkeyPtr key = publicKey(dg15.publicKey.encoded);
    crypto::HashAlgorithm hash = *activeAuthenticationDigest(digest);

    if (EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_EC) {
        const int half = static_cast<int>(signature.size() / 2);
        crypto::EcdsaSigPtr sig(ECDSA_SIG_new());
        ECDSA_SIG_set0(sig.get(), BN_bin2bn(signature.data(), half, nullptr),
                       BN_bin2bn(signature.data() + half, half, nullptr));
        unsigned char* der = nullptr;
        int derSize = i2d_ECDSA_SIG(sig.get(), &der);
        crypto::EvpMdCtxPtr verify(EVP_MD_CTX_new());
        EVP_DigestVerifyInit(verify.get(), nullptr, EVP_get_digestbyname(digest.c_str()), nullptr,
                             key.get());
        int ok = EVP_DigestVerify(verify.get(), der, static_cast<std::size_t>(derSize),
                                  challenge.data(), challenge.size());
        OPENSSL_free(der);
        return ok == 1;
    }

    emutest::PkeyCtxPtr context(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    EVP_PKEY_encrypt_init(context.get());
    EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_NO_PADDING);
    Bytes f(signature.size());
    std::size_t size = f.size();
    if (EVP_PKEY_encrypt(context.get(), f.data(), &size, signature.data(), signature.size()) != 1) {
        return false;
    }
    std::size_t trailer = hash == crypto::HashAlgorithm::Sha1 ? 1 : 2;
    std::size_t hashSize = crypto::digestSize(hash);
    ByteView m1 = ByteView(f).subspan(1, f.size() - 1 - hashSize - trailer);
    ByteView d = ByteView(f).subspan(1 + m1.size(), hashSize);
    return f.front() == 0x6A && (trailer == 1 ? f.back() == 0xBC : f.back() == 0xCC) &&
           toHex(d) == toHex(crypto::digest(hash, concat(m1, challenge)));
}

} // namespace

TEST(ProfileBuilderTest, VietnamesePersonasAdvertiseTheCccdCardAccess) {
    Bytes expected = testDataHex("cccd-ef-cardaccess.hex");
    ASSERT_EQ(expected.size(), 54u);
    for (const std::string& name : VietnamesePersonas) {
        SCOPED_TRACE(name);
        const ElementaryFile* cardAccess = findFile(card(name).profile.masterFiles, 0x011C);
        ASSERT_NE(cardAccess, nullptr);
        EXPECT_EQ(toHex(cardAccess->data), toHex(expected));
        EXPECT_EQ(card(name).profile.masterFiles.size(), 1u);

        nlohmann::json json = profileJson(name);
        EXPECT_EQ(json.at("access").at("bac"), true);
        EXPECT_EQ(json.at("access").at("pace"), nlohmann::json::parse(R"([{"protocol":
            "0.4.0.127.0.7.2.2.4.2.2", "parameterId": 13}])"));
        EXPECT_EQ(json.at("keys").at("activeAuthenticationDigest"), "sha1");
        EXPECT_FALSE(json.at("keys").contains("chipAuthenticationKeyId"));
        EXPECT_EQ(json.at("flags").at("selectMfStatus"), "6D00");
    }
}

TEST(ProfileBuilderTest, VietnameseDg14AndDg15AreShapedLikeTheCccds) {
    for (const std::string& name : VietnamesePersonas) {
        SCOPED_TRACE(name);
        auto dg14 = lds::Dg14::parse(dataGroup(name, 14));
        const auto& infos = dg14.securityInfos;
        ASSERT_EQ(infos.terminalAuthenticationInfos.size(), 1u);
        EXPECT_EQ(infos.terminalAuthenticationInfos[0].version, 1u);
        ASSERT_EQ(infos.chipAuthenticationInfos.size(), 1u);
        EXPECT_EQ(infos.chipAuthenticationInfos[0].protocol, "0.4.0.127.0.7.2.2.3.2.2");
        EXPECT_EQ(infos.chipAuthenticationInfos[0].version, 1u);
        EXPECT_FALSE(infos.chipAuthenticationInfos[0].keyId);
        ASSERT_EQ(infos.paceInfos.size(), 1u);
        EXPECT_EQ(infos.paceInfos[0].protocol, "0.4.0.127.0.7.2.2.4.2.2");
        EXPECT_EQ(infos.paceInfos[0].version, 2u);
        EXPECT_EQ(infos.paceInfos[0].parameterId, 13u);
        ASSERT_EQ(infos.chipAuthenticationPublicKeyInfos.size(), 1u);
        const auto& key = infos.chipAuthenticationPublicKeyInfos[0];
        EXPECT_EQ(key.protocol, "0.4.0.127.0.7.2.2.1.2");
        EXPECT_TRUE(key.publicKey.explicitParameters);
        EXPECT_FALSE(key.keyId);
        EXPECT_TRUE(infos.activeAuthenticationInfos.empty());
        EXPECT_TRUE(infos.otherInfos.empty());

        // DG14 begins with the SecurityInfos of EF.CardAccess, byte for byte.
        Bytes start = infos.terminalAuthenticationInfos[0].encoded;
        append(start, infos.chipAuthenticationInfos[0].encoded);
        append(start, infos.paceInfos[0].encoded);
        EXPECT_EQ(toHex(tlv::encode(0x31, start)), toHex(testDataHex("cccd-ef-cardaccess.hex")));

        auto dg15 = lds::Dg15::parse(dataGroup(name, 15));
        EXPECT_EQ(dg15.publicKey.type, lds::PublicKeyType::Rsa);
        EXPECT_EQ(dg15.publicKey.rsaModulusBits(), 2048u);
        EXPECT_EQ(toHex(dg15.publicKey.rsaPublicExponent), "010001");
    }
}

TEST(ProfileBuilderTest, ChipAuthenticationKeyMatchesDg14UnlessMismatched) {
    for (const char* name :
         {"vn-basic", "ca-keyid", "pace-cam-p256", "pace-dh-gm-2048", "pace-aes256-ca-3des"}) {
        SCOPED_TRACE(name);
        EXPECT_TRUE(chipAuthenticationAgrees(name));
    }
    EXPECT_FALSE(chipAuthenticationAgrees("ca-mismatch"));
}

TEST(ProfileBuilderTest, ActiveAuthenticationKeyMatchesDg15UnlessMismatched) {
    for (const char* name : {"vn-basic", "pace-aes256-ca-3des", "aa-ecdsa", "ca-mismatch"}) {
        SCOPED_TRACE(name);
        EXPECT_TRUE(activeAuthenticationVerifies(name));
    }
    EXPECT_FALSE(activeAuthenticationVerifies("aa-mismatch"));
    EXPECT_EQ(profileJson("pace-aes256-ca-3des").at("keys").at("activeAuthenticationDigest"),
              "sha256");

    // ECDSA Active Authentication: DG14 names the signature algorithm (ICAO 9303-11 §9.2.8).
    auto dg14 = lds::Dg14::parse(dataGroup("aa-ecdsa", 14));
    ASSERT_EQ(dg14.securityInfos.activeAuthenticationInfos.size(), 1u);
    EXPECT_EQ(dg14.securityInfos.activeAuthenticationInfos[0].signatureAlgorithm, EcdsaWithSha256);
    EXPECT_EQ(lds::Dg15::parse(dataGroup("aa-ecdsa", 15)).publicKey.type, lds::PublicKeyType::Ec);
}

TEST(ProfileBuilderTest, SodHashesEveryDataGroupOfEveryProfileKind) {
    for (const std::string& name : allPersonas()) {
        SCOPED_TRACE(name);
        const CardProfile& profile = card(name).profile;
        const Bytes& sodFile = findFile(profile.applicationFiles, 0x011D)->data;
        lds::Sod sod = lds::Sod::parse(sodFile);
        std::map<int, Bytes> expected;
        for (const auto& ef : profile.applicationFiles) {
            if (ef.fid >= 0x0101 && ef.fid <= 0x0110) {
                expected[ef.fid - 0x0100] = crypto::sha256(ef.data);
            }
        }
        EXPECT_EQ(sod.ldsSecurityObject().dataGroupHashes, expected);
        EXPECT_TRUE(cmsVerifiesWithTheCsca(tlv::parse(sodFile, 0x77).value));

        // EF.COM lists the same data groups.
        tlv::Tlv com = tlv::parse(findFile(profile.applicationFiles, 0x011E)->data, 0x60);
        EXPECT_EQ(tlv::findChild(com, 0x5C)->value.size(), expected.size());
    }
    EXPECT_FALSE(findFile(card("vn-basic").profile.applicationFiles, 0x010F) == nullptr);
}

TEST(ProfileBuilderTest, AccessProfilesOfferBacOrPaceOnly) {
    const PersonaCard& bacOnly = card("bac-only");
    EXPECT_TRUE(bacOnly.profile.masterFiles.empty()); // no EF.CardAccess
    EXPECT_EQ(profileJson("bac-only").at("access").at("bac"), true);
    EXPECT_TRUE(profileJson("bac-only").at("access").at("pace").empty());
    EXPECT_TRUE(lds::Dg14::parse(dataGroup("bac-only", 14)).securityInfos.paceInfos.empty());

    EXPECT_EQ(profileJson("pace-only").at("access").at("bac"), false);
    EXPECT_EQ(profileJson("pace-only").at("access").at("pace").size(), 1u);
    ASSERT_NE(findFile(card("pace-only").profile.masterFiles, 0x011C), nullptr);
    EXPECT_FALSE(card("pace-only").profile.mrzInformation.empty()); // PACE with the MRZ
}

TEST(ProfileBuilderTest, PaceProfilesAdvertiseTheirOption) {
    struct Case {
        const char* name;
        const char* protocol;
        std::uint64_t parameterId;
    };

    for (const Case& c :
         {Case{"pace-im-p256", IdPaceEcdhIm128, 12}, Case{"pace-cam-p256", IdPaceEcdhCam128, 12},
          Case{"pace-dh-gm-1024", IdPaceDhGm128, 0}, Case{"pace-dh-gm-2048", IdPaceDhGm128, 2},
          Case{"pace-aes256-ca-3des", IdPaceEcdhGm256, 12}}) {
        SCOPED_TRACE(c.name);
        const ElementaryFile* file = findFile(card(c.name).profile.masterFiles, 0x011C);
        ASSERT_NE(file, nullptr);
        auto cardAccess = lds::CardAccess::parse(file->data);
        ASSERT_EQ(cardAccess.securityInfos.paceInfos.size(), 1u);
        EXPECT_EQ(cardAccess.securityInfos.paceInfos[0].protocol, c.protocol);
        EXPECT_EQ(cardAccess.securityInfos.paceInfos[0].parameterId, c.parameterId);
        nlohmann::json pace = profileJson(c.name).at("access").at("pace");
        ASSERT_EQ(pace.size(), 1u);
        EXPECT_EQ(pace[0].at("protocol"), c.protocol);
        EXPECT_EQ(pace[0].at("parameterId"), c.parameterId);
    }
    auto dhInfos = lds::Dg14::parse(dataGroup("pace-dh-gm-2048", 14)).securityInfos;
    EXPECT_EQ(dhInfos.chipAuthenticationInfos.at(0).protocol, IdCaDhAes128);
    EXPECT_EQ(dhInfos.chipAuthenticationPublicKeyInfos.at(0).publicKey.type,
              lds::PublicKeyType::Dh);
    auto desInfos = lds::Dg14::parse(dataGroup("pace-aes256-ca-3des", 14)).securityInfos;
    EXPECT_EQ(desInfos.chipAuthenticationInfos.at(0).protocol, IdCaEcdh3Des);
}

TEST(ProfileBuilderTest, CamProfileSignsCardSecurityWithTheCaKey) {
    const CardProfile& profile = card("pace-cam-p256").profile;
    const ElementaryFile* file = findFile(profile.masterFiles, 0x011D);
    ASSERT_NE(file, nullptr);
    EXPECT_EQ(file->access, FileAccess::Bac);
    EXPECT_TRUE(cmsVerifiesWithTheCsca(file->data));

    auto cardSecurity = lds::CardSecurity::parse(file->data);
    auto infos = lds::SecurityInfos::parse(cardSecurity.securityInfos());
    ASSERT_EQ(infos.paceInfos.size(), 1u);
    EXPECT_EQ(infos.paceInfos[0].protocol, IdPaceEcdhCam128);
    ASSERT_EQ(infos.chipAuthenticationPublicKeyInfos.size(), 1u);
    auto dg14 = lds::Dg14::parse(dataGroup("pace-cam-p256", 14));
    EXPECT_EQ(toHex(infos.chipAuthenticationPublicKeyInfos[0].publicKey.encoded),
              toHex(dg14.securityInfos.chipAuthenticationPublicKeyInfos.at(0).publicKey.encoded));
    EXPECT_EQ(infos.chipAuthenticationPublicKeyInfos[0].publicKey.namedCurve,
              "1.2.840.10045.3.1.7"); // secp256r1, the PACE curve

    // No other card carries EF.CardSecurity.
    EXPECT_EQ(findFile(card("vn-basic").profile.masterFiles, 0x011D), nullptr);
}

// ICAO 9303-11 §9.2.2: options on explicit parameters name a proprietary ID in their PACEInfo,
// and one PACEDomainParameterInfo per ID spells the group out.
TEST(ProfileBuilderTest, ExplicitPaceParametersAreWrittenOutUnderTheirProprietaryId) {
    Persona persona = loadPersona(personaDir() / "pace-im-p256.json");
    persona.features.pace = {{IdPaceEcdhIm128, 12, 32},
                             {IdPaceEcdhGmAesCbcCmac128, 12, 32},
                             {IdPaceEcdhGmAesCbcCmac128, 13}};
    CardProfile profile = buildPersonaProfile(persona, pki());
    EXPECT_EQ(profile.pace, persona.features.pace);
    auto infos = lds::CardAccess::parse(findFile(profile.masterFiles, 0x011C)->data).securityInfos;
    ASSERT_EQ(infos.paceInfos.size(), 3u);
    EXPECT_EQ(infos.paceInfos[0].parameterId, 32u);
    EXPECT_EQ(infos.paceInfos[1].parameterId, 32u);
    EXPECT_EQ(infos.paceInfos[2].parameterId, 13u);
    ASSERT_EQ(infos.paceDomainParameterInfos.size(), 1u);
    const lds::PaceDomainParameterInfo& domain = infos.paceDomainParameterInfos[0];
    EXPECT_EQ(domain.parameterId, 32u);
    EXPECT_EQ(domain.protocol, "0.4.0.127.0.7.2.2.4.4"); // id-PACE-ECDH-IM, no cipher arc
    EXPECT_EQ(domain.mapping, lds::PaceMapping::Integrated);
    // The curve spelled out is secp256r1: P-256's prime is in it.
    const Bytes p256Prime =
        fromHex("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF");
    EXPECT_NE(std::search(domain.domainParameter.begin(), domain.domainParameter.end(),
                          p256Prime.begin(), p256Prime.end()),
              domain.domainParameter.end());

    // One proprietary ID for two groups, or a standardized number as proprietary, is refused.
    persona.features.pace = {{IdPaceEcdhIm128, 12, 32}, {IdPaceEcdhGmAesCbcCmac128, 13, 32}};
    EXPECT_THROW((void)buildPersonaCard(persona, pki()), Error);
    persona.features.pace = {{IdPaceEcdhIm128, 12, 31}};
    EXPECT_THROW((void)buildPersonaCard(persona, pki()), Error);
}

TEST(ProfileBuilderTest, KeyIdReachesCardAccessDg14AndTheProfile) {
    EXPECT_EQ(profileJson("ca-keyid").at("keys").at("chipAuthenticationKeyId"), 195);
    auto cardAccess =
        lds::CardAccess::parse(findFile(card("ca-keyid").profile.masterFiles, 0x011C)->data);
    EXPECT_EQ(cardAccess.securityInfos.chipAuthenticationInfos.at(0).keyId, 195u);
    auto dg14 = lds::Dg14::parse(dataGroup("ca-keyid", 14));
    EXPECT_EQ(dg14.securityInfos.chipAuthenticationInfos.at(0).keyId, 195u);
    EXPECT_EQ(dg14.securityInfos.chipAuthenticationPublicKeyInfos.at(0).keyId, 195u);
}

TEST(ProfileBuilderTest, ContradictoryFeaturesAreRefused) {
    Persona persona = loadPersona(personaDir() / "pace-cam-p256.json");
    persona.features.chipAuthentication->parameterId = 13; // CA key off the PACE curve
    EXPECT_THROW((void)buildPersonaCard(persona, pki()), Error);

    std::string text = toString(cccd::test::readFile(personaDir() / "aa-ecdsa.json"));
    text.replace(text.find("\"ec\""), 4, "\"dsa\"");
    EXPECT_THROW((void)parsePersona(text), Error);
}

TEST(ProfileBuilderTest, BuildTimeProfilesExistForEveryPersona) {
    auto dir = cccd::test::binaryDir() / "profiles";
    for (const std::string& name : allPersonas()) {
        SCOPED_TRACE(name);
        std::string text = toString(cccd::test::readFile(dir / (name + ".json")));
        CardProfile loaded = parseProfile(text);
        EXPECT_EQ(loaded.name, name);
        nlohmann::json json = nlohmann::json::parse(text);
        EXPECT_EQ(json.at("access").at("bac"), card(name).features.bac);
        EXPECT_EQ(json.at("access").at("pace").size(), card(name).features.pace.size());
        const auto& ca = card(name).features.chipAuthentication;
        EXPECT_EQ(json.at("keys").contains("chipAuthenticationKeyId"), ca && ca->keyId);
        const ElementaryFile* cardAccess = findFile(loaded.masterFiles, 0x011C);
        const ElementaryFile* expected = findFile(card(name).profile.masterFiles, 0x011C);
        ASSERT_EQ(cardAccess == nullptr, expected == nullptr);
        if (cardAccess != nullptr) {
            EXPECT_EQ(toHex(cardAccess->data), toHex(expected->data)); // keys aside, stable
        }
    }
}
