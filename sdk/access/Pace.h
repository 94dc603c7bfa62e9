#pragma once

#include <cstdint>
#include <string>

#include "access/PacePassword.h"
#include "base/Bytes.h"
#include "crypto/Random.h"
#include "sm/SessionKeys.h"
#include "transport/CardChannel.h"

namespace cccd::access {

/// What EF.CardAccess says about one PACE option (a PACEInfo, ICAO 9303-11 §9.2.1), in the
/// terms this layer needs.
struct PaceParameters {
    std::string protocol;           ///< dotted OID, e.g. 0.4.0.127.0.7.2.2.4.2.2
    std::uint64_t parameterId = 13; ///< standardized domain parameters (§9.5.1); 13 brainpoolP256r1
    /// Send the parameter ID in MSE:Set AT (DO 84). ICAO 9303-11 §4.4.4.1 requires it when
    /// EF.CardAccess lists more than one parameter set; the Appendix G example leaves it out.
    bool referenceParameterId = true;
};

/// The outcome of PACE: keys for secure messaging, and the chip's ephemeral public key, which
/// Terminal Authentication and Chip Authentication bind to (ICAO 9303-11 §4.4.1, ID_IC).
struct PaceResult {
    sm::SessionKeys sessionKeys;
    Bytes chipEphemeralPublicKey; ///< PK_IC, uncompressed point 04 || x || y
};

/// Runs PACE with ECDH Generic Mapping as the terminal (ICAO 9303-11 §4.4): MSE:Set AT, then
/// GENERAL AUTHENTICATE steps 1-4. The eMRTD application (or the MF) must already be selected.
/// A password that does not open the card (SW 6300 at step 4, or a chip token that does not
/// verify) throws Error(AccessDenied); a refused command throws Error(CardStatus); a malformed
/// answer Error(MalformedData); an unsupported protocol or curve Error(NotSupported). Random
/// private keys are drawn from random: first the mapping key, then the ephemeral key.
[[nodiscard]] PaceResult performPace(transport::CardChannel& channel,
                                     const PaceParameters& parameters,
                                     PacePasswordType passwordType, ByteView password,
                                     const crypto::RandomSource& random);

} // namespace cccd::access
