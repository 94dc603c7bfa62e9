#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "emulator/card/CardProfile.h"
#include "emulator/channel/EmulatorChannel.h"
#include "mrz/MrzKey.h"
#include "reader/CardReader.h"
#include "reader/Document.h"
#include "support/TestData.h"
#include "verify/TrustStore.h"

// The build's generated card profiles, read in process as cccd-read would read their cards.
namespace cccd::test {

inline std::filesystem::path profileDir() {
    return binaryDir() / "profiles";
}

/// What `cccd-read --trust profiles/csca.pem` trusts: the built-in anchor and the test CSCA.
inline const verify::TrustStore& trustStore() {
    static const verify::TrustStore store = [] {
        verify::TrustStore s = verify::TrustStore::withDefaultAnchor();
        s.addFile(profileDir() / "csca.pem");
        return s;
    }();
    return store;
}

/// The card of a generated profile, read over an in-process channel with the key its profile
/// holds (document number, birth date and expiry date with their check digits).
inline reader::Document readProfile(const std::string& name, std::vector<int> dataGroups = {}) {
    emulator::CardProfile profile = emulator::loadProfile(profileDir() / (name + ".json"));
    std::string information = toString(profile.mrzInformation.view());
    mrz::MrzKey key(information.substr(0, 9), information.substr(10, 6), information.substr(17, 6));
    emulator::EmulatorChannel channel(std::make_shared<emulator::EmulatedCard>(profile));
    reader::ReadOptions options;
    options.dataGroups = std::move(dataGroups);
    return reader::interpret(reader::readCard(channel, key, options), trustStore());
}

} // namespace cccd::test
