#pragma once

#include <string>

#include "crypto/OpenSslPtr.h"

namespace cccd::emulator {

/// A test PKI shaped like the Vietnamese one (cccd.md §1.6-1.7): a self-signed CSCA on P-384
/// signing with ECDSA-SHA384, and a Document Signer on brainpoolP384r1 that signs EF.SOD.
/// Certificates carry SKI/AKI, key usage and validity; names say "Test" so they never pass
/// for real ones.
struct TestPki {
    crypto::EvpPkeyPtr cscaKey;
    crypto::X509Ptr csca;
    crypto::EvpPkeyPtr documentSignerKey;
    crypto::X509Ptr documentSigner;

    [[nodiscard]] static TestPki generate();

    [[nodiscard]] std::string cscaPem() const;
    [[nodiscard]] std::string documentSignerPem() const;
};

} // namespace cccd::emulator
