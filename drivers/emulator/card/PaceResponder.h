#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/Random.h"
#include "emulator/card/CardProfile.h"
#include "emulator/card/CardResponse.h"
#include "emulator/card/CommandApdu.h"
#include "emulator/card/PaceGroup.h"
#include "emulator/card/PaceKeys.h"
#include "emulator/card/PaceProtocol.h"
#include "emulator/card/SessionKeys.h"
#include "emulator/card/StatusWord.h"

namespace cccd::emulator {

/// The four GENERAL AUTHENTICATE steps of a PACE run (ICAO 9303-11 §4.4.4.2).
enum class PaceStep {
    EncryptedNonce = 1,
    MapNonce = 2,
    KeyAgreement = 3,
    MutualAuthentication = 4,
};

/// The chip's half of PACE (ICAO 9303-11 §4.4): MSE:Set AT picks one of the options the card
/// offers and a password, then GENERAL AUTHENTICATE runs four steps: encrypted nonce, mapping
/// (Generic, Integrated or Chip Authentication Mapping), key agreement and mutual
/// authentication. Any error ends the run; a new MSE:Set AT starts over.
///
/// Random values are drawn in this order, so that tests can replay worked examples: the nonce s
/// at step 1 (paceNonceSize bytes); the chip's mapping private key at step 2 (Generic and Chip
/// Authentication Mapping only); the chip's ephemeral private key at step 3. A private key takes
/// as many bytes as the group order and is drawn again while out of range.
class PaceResponder {
public:
    /// Throws Error(InvalidArgument) when the profile offers a PACE option the card cannot
    /// serve (an unknown protocol or parameter ID, Chip Authentication Mapping without an EC key
    /// on that curve), Error(NotSupported) for Integrated Mapping on a curve without a point
    /// encoding here.
    PaceResponder(const CardProfile& profile, crypto::RandomSource random);

    PaceResponder(const PaceResponder&) = delete;
    PaceResponder& operator=(const PaceResponder&) = delete;
    PaceResponder(PaceResponder&&) noexcept;
    PaceResponder& operator=(PaceResponder&&) noexcept;
    ~PaceResponder();

    /// MSE:Set AT with a PACE OID (ICAO 9303-11 §4.4.4.1): DO 80 the protocol, DO 83 the
    /// password, DO 84 the parameter ID (needed only when the card offers the protocol with
    /// several). 9000; 6A80 for an option the card does not offer or malformed data; 6A88 for a
    /// password the card does not have.
    [[nodiscard]] StatusWord setAuthenticationTemplate(ByteView data);

    /// One GENERAL AUTHENTICATE step (ICAO 9303-11 §4.4.4.2). Steps 1-3 must be chained (CLA
    /// bit 5), step 4 must not. 6985 without MSE:Set AT or out of order, 6883/6A80 for chaining
    /// or data errors, 6300 when the terminal's token is wrong (a wrong password).
    [[nodiscard]] CardResponse generalAuthenticate(const CommandApdu& command);

    /// The secure messaging keys of the run that just succeeded, handed out once.
    [[nodiscard]] std::optional<SessionKeys> takeSessionKeys();

    /// PK_IC of the last successful run: Chip and Terminal Authentication bind to it.
    [[nodiscard]] const Bytes& chipEphemeralPublicKey() const { return m_chipEphemeralPublicKey; }

    /// Forgets any run in progress (card reset, or another protocol took over).
    void reset();

    /// The step the next GENERAL AUTHENTICATE runs; nullopt without a run in progress.
    [[nodiscard]] std::optional<PaceStep> pendingStep() const;

    /// The group of the run in progress (its generator mapped after step 2); nullptr without a
    /// run. Fault injection reads its prime.
    [[nodiscard]] const PaceGroup* group() const;

private:
    struct Run;

    [[nodiscard]] CardResponse encryptedNonce(ByteView data);
    [[nodiscard]] CardResponse mapNonce(ByteView data);
    [[nodiscard]] CardResponse keyAgreement(ByteView data);
    [[nodiscard]] CardResponse mutualAuthentication(ByteView data);
    [[nodiscard]] CardResponse fail(StatusWord sw);
    [[nodiscard]] std::optional<SecureBytes> staticKey(const PaceOption& option) const;

    std::vector<PaceOption> m_offered;
    SecureBytes m_mrzInformation;
    SecureBytes m_can;
    SecureBytes m_chipAuthenticationKeyPem;
    crypto::RandomSource m_random;
    std::unique_ptr<Run> m_run;
    std::optional<SessionKeys> m_established;
    Bytes m_chipEphemeralPublicKey;
};

} // namespace cccd::emulator
