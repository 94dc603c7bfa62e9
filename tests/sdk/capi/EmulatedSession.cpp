#include "EmulatedSession.h"

#include <memory>
#include <utility>

#include "capi/Handles.h"
#include "emulator/channel/EmulatorChannel.h"
#include "support/TestData.h"

namespace cccd::capitest {

std::string profilesDirectory() {
    return (test::binaryDir() / "profiles").string();
}

emulator::CardProfile loadTestProfile(const std::string& name) {
    return emulator::loadProfile(test::binaryDir() / "profiles" / (name + ".json"));
}

cccd_session* openEmulatedSession(cccd_context* context,
                                  std::shared_ptr<emulator::EmulatedCard> card) {
    return capi::newSession(*context, std::make_unique<emulator::EmulatorChannel>(std::move(card)));
}

cccd_session* openEmulatedSession(cccd_context* context, const std::string& profile) {
    return openEmulatedSession(context,
                               std::make_shared<emulator::EmulatedCard>(loadTestProfile(profile)));
}

} // namespace cccd::capitest
