#pragma once

#include <optional>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/Random.h"
#include "emulator/card/BacFaults.h"
#include "emulator/card/SessionKeys.h"

namespace cccd::emulator {

/// The chip's half of Basic Access Control (ICAO 9303-11 §4.3): GET CHALLENGE hands out RND.IC,
/// EXTERNAL AUTHENTICATE checks the terminal's cryptogram and answers with the chip's.
class BacResponder {
public:
    /// mrzInformation: document number, date of birth and date of expiry, each with its check
    /// digit (ICAO 9303-11 §9.7.2). The document basic access keys are derived from it.
    BacResponder(ByteView mrzInformation, crypto::RandomSource random);

    /// GET CHALLENGE: a fresh 8-byte RND.IC, remembered for one EXTERNAL AUTHENTICATE.
    [[nodiscard]] Bytes challenge();

    [[nodiscard]] bool hasChallenge() const { return !m_rndIc.empty(); }

    struct Outcome {
        Bytes response; ///< E.IC || M.IC, 40 bytes
        SessionKeys keys;
    };

    /// EXTERNAL AUTHENTICATE with E.IFD || M.IFD. nullopt when the MAC, the cryptogram or the
    /// echoed RND.IC is wrong; the challenge is used up either way. `faults` change the answer,
    /// not the keys.
    [[nodiscard]] std::optional<Outcome> authenticate(ByteView commandData,
                                                      const BacFaults& faults = {});

private:
    SecureBytes m_kEnc;
    SecureBytes m_kMac;
    crypto::RandomSource m_random;
    Bytes m_rndIc;
};

} // namespace cccd::emulator
