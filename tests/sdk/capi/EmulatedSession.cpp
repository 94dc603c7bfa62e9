#include "EmulatedSession.h"

#include <memory>

#include "capi/Handles.h"
#include "emulator/card/CardProfile.h"
#include "emulator/card/EmulatedCard.h"
#include "emulator/channel/EmulatorChannel.h"
#include "support/TestData.h"

namespace cccd::capitest {

std::string profilesDirectory() {
    return (test::binaryDir() / "profiles").string();
}

cccd_session* openEmulatedSession(cccd_context* context, const std::string& profile) {
    const emulator::CardProfile card =
        emulator::loadProfile(test::binaryDir() / "profiles" / (profile + ".json"));
    auto channel =
        std::make_unique<emulator::EmulatorChannel>(std::make_shared<emulator::EmulatedCard>(card));
    return capi::newSession(*context, std::move(channel));
}

} // namespace cccd::capitest
