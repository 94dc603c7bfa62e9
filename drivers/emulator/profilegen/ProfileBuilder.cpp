#include "emulator/profilegen/ProfileBuilder.h"

#include <functional>
#include <map>

#include "base/Error.h"
#include "emulator/profilegen/Dg13Builder.h"
#include "emulator/profilegen/Dg2Builder.h"
#include "emulator/profilegen/Keys.h"
#include "emulator/profilegen/LdsFiles.h"
#include "emulator/profilegen/MrzBuilder.h"
#include "emulator/profilegen/PortraitImage.h"
#include "emulator/profilegen/SecurityInfos.h"
#include "emulator/profilegen/SodBuilder.h"

namespace cccd::emulator {

namespace {

// File identifiers of ICAO 9303-10 §4.6 and BSI TR-03110-3 §A.1.2 (and cccd.md §1.2).
constexpr std::uint16_t FidCardAccess = 0x011C;
constexpr std::uint16_t FidCardSecurity = 0x011D; // under the MF
constexpr std::uint16_t FidCom = 0x011E;
constexpr std::uint16_t FidSod = 0x011D; // in the eMRTD application
constexpr std::uint8_t TagDg14 = 0x6E;
constexpr std::uint8_t TagDg15 = 0x6F;

std::uint16_t dataGroupFid(int number) {
    return static_cast<std::uint16_t>(0x0100 + number);
}

Bytes atrFor(const std::string& kind) {
    if (kind == "contact") {
        return fromHex(VietnamContactAtr);
    }
    if (kind == "contactless") {
        return fromHex(VietnamContactlessAtr);
    }
    return fromHex(kind);
}

std::chrono::sys_seconds midnight(const std::chrono::year_month_day& date) {
    return std::chrono::sys_seconds(std::chrono::sys_days(date).time_since_epoch());
}

// Several CA keys are told apart by keyId (ICAO 9303-11 §9.2.5: required then).
void checkAdditionalKeys(const CardFeatures& features) {
    if (features.additionalChipAuthentication.empty()) {
        return;
    }
    bool named = features.chipAuthentication && features.chipAuthentication->keyId;
    for (const ChipAuthenticationOption& ca : features.additionalChipAuthentication) {
        named = named && ca.keyId;
    }
    if (!named) {
        throw Error(ErrorCode::InvalidArgument, "several CA keys need a keyId each");
    }
}

// A proprietary domain parameter ID names one set of parameters (ICAO 9303-11 §9.2.2), and
// PACE-CAM proves the chip with its CA key on the PACE domain parameters (§4.4.3.5).
void checkFeatures(const CardFeatures& features) {
    checkAdditionalKeys(features);
    std::map<std::uint64_t, std::uint64_t> explicitGroups;
    for (const PaceOption& pace : features.pace) {
        if (!pace.explicitParameterId) {
            continue;
        }
        auto [it, added] = explicitGroups.emplace(*pace.explicitParameterId, pace.parameterId);
        if (*pace.explicitParameterId < FirstProprietaryParameterId ||
            (!added && it->second != pace.parameterId)) {
            throw Error(ErrorCode::InvalidArgument,
                        "an explicit PACE parameter ID is 32 or more and names one group");
        }
    }
    if (!features.chipAuthenticationMapping()) {
        return;
    }
    const auto& ca = features.chipAuthentication;
    for (const PaceOption& pace : features.pace) {
        if (usesChipAuthenticationMapping(pace) && (!ca || ca->parameterId != pace.parameterId)) {
            throw Error(ErrorCode::InvalidArgument,
                        "PACE-CAM needs a CA key on the PACE domain parameters");
        }
    }
}

// The card's key pair, and the one its data group publishes (another one for a mismatch).
struct KeyPair {
    crypto::EvpPkeyPtr held;
    crypto::EvpPkeyPtr published; ///< empty: the held key is published

    [[nodiscard]] EVP_PKEY* publishedKey() const {
        return published ? published.get() : held.get();
    }
};

KeyPair chipAuthenticationKeys(const std::optional<ChipAuthenticationOption>& ca) {
    KeyPair keys;
    if (ca) {
        keys.held = generateStandardizedKey(ca->parameterId);
        if (ca->keyMismatch) {
            keys.published = generateStandardizedKey(ca->parameterId);
        }
    }
    return keys;
}

KeyPair activeAuthenticationKeys(const std::optional<ActiveAuthenticationOption>& aa) {
    KeyPair keys;
    if (aa) {
        auto generate = [&aa] {
            return aa->keyType == ActiveAuthenticationOption::KeyType::Rsa
                       ? generateRsaKey(aa->rsaBits)
                       : generateStandardizedKey(aa->parameterId);
        };
        keys.held = generate();
        if (aa->keyMismatch) {
            keys.published = generate();
        }
    }
    return keys;
}

// What the card answers besides its files: BAC, the PACE options EF.CardAccess lists, and the
// Chip and Active Authentication parameters DG14 and DG15 announce.
void offer(const CardFeatures& features, CardProfile& profile) {
    profile.bac = features.bac;
    profile.pace = features.pace;
    if (features.activeAuthentication && !profile.activeAuthenticationKeyPem.empty()) {
        profile.activeAuthenticationDigest = features.activeAuthentication->digest;
    }
    if (features.chipAuthentication) {
        profile.chipAuthenticationKeyId = features.chipAuthentication->keyId;
        profile.chipAuthenticationProtocol = features.chipAuthentication->protocol;
    }
}

} // namespace

PersonaCard buildPersonaCard(const Persona& persona, const TestPki& pki) {
    const CardFeatures& features = persona.features;
    checkFeatures(features);
    VietnameseMrz mrz = buildVietnameseMrz(persona);

    // The face differs from persona to persona but is stable across builds.
    auto seed = static_cast<std::uint32_t>(std::hash<std::string>{}(persona.personalIdNumber));
    PortraitImage portrait = PortraitImage::synthesize(seed);
    Bytes jpeg = portrait.encodeJpeg();

    KeyPair ca = chipAuthenticationKeys(features.chipAuthentication);
    KeyPair aa = activeAuthenticationKeys(features.activeAuthentication);
    std::vector<crypto::EvpPkeyPtr> moreCa;
    std::vector<EVP_PKEY*> moreCaPublished;
    for (const ChipAuthenticationOption& option : features.additionalChipAuthentication) {
        moreCa.push_back(generateStandardizedKey(option.parameterId));
        moreCaPublished.push_back(moreCa.back().get());
    }

    Bytes dg1 = buildDg1(mrz.text());
    Bytes dg2 = buildDg2(jpeg, static_cast<std::uint16_t>(portrait.width),
                         static_cast<std::uint16_t>(portrait.height));
    Bytes dg3 = buildDg3Placeholder();
    Bytes dg13 = buildDg13(persona);
    Bytes dg14 = buildDg14(features, ca.publishedKey(), aa.publishedKey(), moreCaPublished);
    Bytes dg15 = aa.held ? buildDg15(aa.publishedKey()) : Bytes();

    // EF.COM lists and EF.SOD hashes every data group of the card, DG3 included (cccd.md §1.6).
    Bytes tags{0x61, 0x75, 0x63, 0x6D};
    std::vector<DataGroupFile> hashed{{1, dg1}, {2, dg2}, {3, dg3}, {13, dg13}, {14, dg14}};
    if (!dg15.empty()) {
        tags.push_back(TagDg15);
        hashed.emplace_back(15, dg15);
    }
    tags.push_back(TagDg14);
    Bytes sod = buildSod(buildLdsSecurityObject(hashed), pki.documentSigner.get(),
                         pki.documentSignerKey.get(), midnight(persona.dateOfIssue));

    PersonaCard card;
    card.features = features;
    CardProfile& profile = card.profile;
    profile.name = persona.profile;
    profile.atr = atrFor(persona.atrKind);
    profile.mrzInformation = SecureBytes(toBytes(mrz.mrzInformation));
    profile.can = SecureBytes(toBytes(persona.personalIdNumber.substr(6))); // cccd.md §1.3
    profile.extendedLength = persona.extendedLength;
    profile.faults = persona.faults;
    if (persona.selectMfStatus) {
        Bytes sw = fromHex(*persona.selectMfStatus);
        profile.selectMfStatus = static_cast<std::uint16_t>((sw.at(0) << 8) | sw.at(1));
    }
    if (persona.cardAccess) {
        profile.masterFiles.push_back(
            {FidCardAccess, buildCardAccess(features), FileAccess::Always});
    }
    // EF.CardSecurity is read after PACE, under secure messaging (BSI TR-03110-3 §A.1.2).
    if (features.chipAuthenticationMapping()) {
        Bytes cardSecurity = buildCardSecurity(
            cardSecurityInfos(features, ca.publishedKey()), pki.documentSigner.get(),
            pki.documentSignerKey.get(), midnight(persona.dateOfIssue));
        profile.masterFiles.push_back({FidCardSecurity, cardSecurity, FileAccess::Bac});
    }
    profile.applicationFiles = {
        {FidCom, buildEfCom(tags), FileAccess::Bac}, {FidSod, sod, FileAccess::Bac},
        {dataGroupFid(1), dg1, FileAccess::Bac},     {dataGroupFid(2), dg2, FileAccess::Bac},
        {dataGroupFid(3), dg3, FileAccess::Eac},     {dataGroupFid(13), dg13, FileAccess::Bac},
        {dataGroupFid(14), dg14, FileAccess::Bac},
    };
    if (!dg15.empty()) {
        profile.applicationFiles.push_back({dataGroupFid(15), dg15, FileAccess::Bac});
        profile.activeAuthenticationKeyPem = privateKeyPem(aa.held.get());
    }
    if (ca.held) {
        profile.chipAuthenticationKeyPem = privateKeyPem(ca.held.get());
    }
    for (std::size_t i = 0; i < moreCa.size(); ++i) {
        const ChipAuthenticationOption& option = features.additionalChipAuthentication[i];
        profile.additionalChipAuthenticationKeys.push_back(
            {privateKeyPem(moreCa[i].get()), *option.keyId, option.protocol});
    }
    offer(features, profile);
    return card;
}

CardProfile buildPersonaProfile(const Persona& persona, const TestPki& pki) {
    return buildPersonaCard(persona, pki).profile;
}

} // namespace cccd::emulator
