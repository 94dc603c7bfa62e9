#pragma once

#include <string>

#include "SeedCorpus.h"
#include "emulator/card/CardProfile.h"

namespace cccd::fuzz {

/// A bundle of the card's files as a read of it would save them, for the evidence-bundle
/// harness: its mutations reach the bundle reader and, through valid JSON, the re-verification.
void addEvidenceBundleSeed(SeedCorpus& corpus, const std::string& label,
                           const emulator::CardProfile& profile);

} // namespace cccd::fuzz
