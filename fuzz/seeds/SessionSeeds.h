#pragma once

#include <filesystem>

#include "SeedCorpus.h"

namespace cccd::fuzz {

/// Protected responses under the fixed sessions of the secure messaging harnesses, made by the
/// emulated card's own secure messaging (its code, not the SDK's): status words alone, short and
/// long data, each with the harness's flag byte both ways.
void addSecureMessagingSeeds(SeedCorpus& corpus);

/// Whole read sessions: the emulated card of a few generated profiles, given the hostile card's
/// passwords, answering reader::readCard with the harness's random source; its responses,
/// recorded, replay the same session in the harness.
void addHostileCardSeeds(SeedCorpus& corpus, const std::filesystem::path& profilesDir);

} // namespace cccd::fuzz
