#include "emulator/profilegen/ProfileBuilder.h"

#include <functional>

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

// File identifiers of ICAO 9303-10 §4.6 (and cccd.md §1.2).
constexpr std::uint16_t FidCardAccess = 0x011C;
constexpr std::uint16_t FidCom = 0x011E;
constexpr std::uint16_t FidSod = 0x011D;

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

} // namespace

CardProfile buildPersonaProfile(const Persona& persona, const TestPki& pki) {
    VietnameseMrz mrz = buildVietnameseMrz(persona);

    // The face differs from persona to persona but is stable across builds.
    auto seed = static_cast<std::uint32_t>(std::hash<std::string>{}(persona.personalIdNumber));
    PortraitImage portrait = PortraitImage::synthesize(seed);
    Bytes jpeg = portrait.encodeJpeg();

    crypto::EvpPkeyPtr chipAuthenticationKey = generateEcKey("brainpoolP256r1");
    crypto::EvpPkeyPtr activeAuthenticationKey = generateRsaKey(2048);

    Bytes dg1 = buildDg1(mrz.text());
    Bytes dg2 = buildDg2(jpeg, static_cast<std::uint16_t>(portrait.width),
                         static_cast<std::uint16_t>(portrait.height));
    Bytes dg3 = buildDg3Placeholder();
    Bytes dg13 = buildDg13(persona);
    Bytes dg14 = buildDg14(chipAuthenticationKey.get());
    Bytes dg15 = buildDg15(activeAuthenticationKey.get());

    // EF.SOD hashes every data group of the card, DG3 included (cccd.md §1.6).
    Bytes securityObject =
        buildLdsSecurityObject({{1, dg1}, {2, dg2}, {3, dg3}, {13, dg13}, {14, dg14}, {15, dg15}});
    Bytes sod = buildSod(securityObject, pki.documentSigner.get(), pki.documentSignerKey.get(),
                         midnight(persona.dateOfIssue));

    CardProfile profile;
    profile.name = persona.profile;
    profile.atr = atrFor(persona.atrKind);
    profile.mrzInformation = SecureBytes(toBytes(mrz.mrzInformation));
    profile.can = SecureBytes(toBytes(persona.personalIdNumber.substr(6))); // cccd.md §1.3
    profile.extendedLength = persona.extendedLength;
    if (persona.selectMfStatus) {
        Bytes sw = fromHex(*persona.selectMfStatus);
        profile.selectMfStatus = static_cast<std::uint16_t>((sw.at(0) << 8) | sw.at(1));
    }
    if (persona.cardAccess) {
        profile.masterFiles.push_back({FidCardAccess, buildCardAccess(), FileAccess::Always});
    }
    profile.applicationFiles = {
        {FidCom, buildEfCom(), FileAccess::Bac},   {FidSod, sod, FileAccess::Bac},
        {dataGroupFid(1), dg1, FileAccess::Bac},   {dataGroupFid(2), dg2, FileAccess::Bac},
        {dataGroupFid(3), dg3, FileAccess::Eac},   {dataGroupFid(13), dg13, FileAccess::Bac},
        {dataGroupFid(14), dg14, FileAccess::Bac}, {dataGroupFid(15), dg15, FileAccess::Bac},
    };
    profile.activeAuthenticationKeyPem = privateKeyPem(activeAuthenticationKey.get());
    profile.chipAuthenticationKeyPem = privateKeyPem(chipAuthenticationKey.get());
    return profile;
}

} // namespace cccd::emulator
