#pragma once

#include <string>

#include "../reader/ReaderTestSupport.h"
#include "evidence/EvidenceBundle.h"
#include "reader/CardReader.h"

namespace cccd::evidencetest {

/// A read of the named build profile on the in-process emulated card, chip proofs included.
inline reader::CardReadout readOf(const std::string& name, Bytes challenge = {}) {
    emulator::EmulatorChannel card = readertest::cardOnReader(name);
    reader::ReadOptions options;
    options.random = readertest::seededRandom(11);
    options.activeAuthenticationChallenge = std::move(challenge);
    return reader::readCard(card, readertest::accessKey(name), options);
}

/// The bundle of a read as another machine gets it: written to text and read back.
inline evidence::EvidenceBundle throughText(const evidence::EvidenceBundle& bundle) {
    return evidence::parseBundle(evidence::serializeBundle(bundle));
}

} // namespace cccd::evidencetest
