#include "emulator/profilegen/ProfileJson.h"

namespace cccd::emulator {

std::string cardProfileJson(const CardProfile& profile, const CardFeatures& features) {
    CardProfile card = profile;
    card.bac = features.bac;
    card.pace = features.pace;
    bool signs = features.activeAuthentication && !profile.activeAuthenticationKeyPem.empty();
    card.activeAuthenticationDigest = signs ? features.activeAuthentication->digest : "sha1";
    card.chipAuthenticationKeyId =
        features.chipAuthentication ? features.chipAuthentication->keyId : std::nullopt;
    card.chipAuthenticationProtocol =
        features.chipAuthentication ? features.chipAuthentication->protocol : std::string();
    return profileToJson(card);
}

} // namespace cccd::emulator
