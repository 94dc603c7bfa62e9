#pragma once

#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "../reader/ReaderTestSupport.h"
#include "base/Error.h"
#include "evidence/EvidenceBundle.h"
#include "evidence/Reverification.h"
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

/// The nonce the server issued for the read it asks the client to prove.
inline const Bytes ServerNonce = fromHex("0011223344556677");

/// Re-verification as a server does it: the bundle through text, the test CSCA trusted.
inline evidence::Reverification reverified(const evidence::EvidenceBundle& bundle,
                                           Bytes expectedChallenge = {}) {
    evidence::ReverifyOptions options;
    options.expectedChallenge = std::move(expectedChallenge);
    return evidence::reverify(throughText(bundle), readertest::trustStore(), options);
}

/// The code parseBundle throws for `text`; a failure of the test when it parses.
inline ErrorCode parseError(const std::string& text) {
    try {
        (void)evidence::parseBundle(text);
    } catch (const Error& e) {
        return e.code();
    }
    ADD_FAILURE() << "parsed";
    return ErrorCode::InvalidArgument;
}

} // namespace cccd::evidencetest
