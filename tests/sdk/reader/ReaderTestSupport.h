#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include <gtest/gtest.h>

#include "base/Error.h"
#include "crypto/Random.h"
#include "emulator/card/CardProfile.h"
#include "emulator/card/EmulatedCard.h"
#include "emulator/channel/EmulatorChannel.h"
#include "mrz/Mrz.h"
#include "mrz/MrzKey.h"
#include "support/TestData.h"
#include "verify/TrustStore.h"

namespace cccd::readertest {

/// The build-time profiles (drivers/emulator/README.md): one PKI, so csca.pem signs them all.
inline std::filesystem::path profilesDir() {
    return test::binaryDir() / "profiles";
}

inline emulator::CardProfile profile(const std::string& name) {
    return emulator::loadProfile(profilesDir() / (name + ".json"));
}

/// The persona a profile was generated from: expected values are read, never retyped.
inline nlohmann::json persona(const std::string& name) {
    std::ifstream in(test::sourceDir() / "drivers/emulator/personas" / (name + ".json"));
    return nlohmann::json::parse(in);
}

/// The access key as a clerk would take it: from the MRZ printed beside the profile.
inline mrz::MrzKey accessKey(const std::string& name) {
    Bytes text = test::readFile(profilesDir() / (name + ".mrz"));
    return mrz::MrzKey::fromMrz(mrz::Mrz::parse(toString(text)));
}

inline verify::TrustStore trustStore() {
    verify::TrustStore store;
    store.addFile(profilesDir() / "csca.pem");
    return store;
}

/// A repeatable random source (a linear congruential generator): the same seed gives the same
/// BAC nonces and so the same session keys, which makes a fault's outcome repeatable too.
inline crypto::RandomSource seededRandom(std::uint32_t seed) {
    auto state = std::make_shared<std::uint32_t>(seed);
    return [state](std::size_t size) {
        Bytes out(size);
        for (std::uint8_t& b : out) {
            *state = *state * 1664525u + 1013904223u;
            b = static_cast<std::uint8_t>(*state >> 24);
        }
        return out;
    };
}

/// An in-process reader with the named card on it.
inline emulator::EmulatorChannel cardOnReader(const std::string& name,
                                              crypto::RandomSource random = seededRandom(7)) {
    return emulator::EmulatorChannel(
        std::make_shared<emulator::EmulatedCard>(profile(name), std::move(random)));
}

inline const Bytes& fileOf(const emulator::CardProfile& card, std::uint16_t fid) {
    for (const emulator::ElementaryFile& ef : card.applicationFiles) {
        if (ef.fid == fid) {
            return ef.data;
        }
    }
    throw Error(ErrorCode::InvalidArgument, "the profile has no such file");
}

/// Runs `action` and returns the Error it throws; a return without one fails the test.
template <typename Action> Error errorOf(Action&& action) {
    try {
        action();
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "expected an Error";
    return Error(ErrorCode::InvalidArgument, "no error was thrown");
}

} // namespace cccd::readertest
