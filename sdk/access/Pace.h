#pragma once

#include <cstdint>
#include <string>

#include "access/PaceAlgorithm.h"
#include "access/PacePassword.h"
#include "base/Bytes.h"
#include "crypto/Kdf.h"
#include "crypto/KeyAgreementAlgorithm.h"
#include "crypto/Random.h"
#include "sm/SessionKeys.h"
#include "transport/CardChannel.h"

namespace cccd::access {

/// What EF.CardAccess says about one PACE option (a PACEInfo, ICAO 9303-11 §9.2.1, and for
/// explicit domain parameters its PACEDomainParameterInfo, §9.2.2), in the terms this layer
/// needs. The reader fills it from lds::PaceInfo.
struct PaceParameters {
    /// Dotted protocol OID: any id-PACE-* of §9.2.3, e.g. 0.4.0.127.0.7.2.2.4.2.2
    /// (id-PACE-ECDH-GM-AES-CBC-CMAC-128). It fixes key agreement, mapping and cipher.
    std::string protocol;

    /// The PACEInfo's parameterId: with empty explicitDomainParameters a standardized domain
    /// parameter ID of §9.5.1 (0-2 MODP groups, 8-18 curves; 13 is brainpoolP256r1), else the
    /// local ID of the PACEDomainParameterInfo. For CAM it also names the chip's CA key (keyId).
    std::uint64_t parameterId = 13;

    /// Send parameterId in MSE:Set AT (DO 84). §4.4.4.1 requires it when EF.CardAccess lists more
    /// than one set of domain parameters; the Appendix G example leaves it out.
    bool referenceParameterId = true;

    /// The DER AlgorithmIdentifier (domainParameter) of the matching PACEDomainParameterInfo when
    /// the chip uses explicit domain parameters; empty for standardized ones. Explicit parameters
    /// are unprotected: pass only parameters the inspection system trusts (§9.2.2). See
    /// crypto::KeyAgreementGroup::fromDomainParameters for the forms and checks.
    Bytes explicitDomainParameters;
};

/// The outcome of a successful PACE run.
struct PaceResult {
    /// KS_enc, KS_mac and the SSC (zero) for secure messaging; sessionKeys.cipher is the
    /// session's cipher (3DES or AES) and keyType below its key length.
    sm::SessionKeys sessionKeys;
    crypto::KeyType keyType = crypto::KeyType::Aes128;

    crypto::KeyAgreementAlgorithm keyAgreement = crypto::KeyAgreementAlgorithm::Ecdh;
    PaceMapping mapping = PaceMapping::Generic; ///< which mapping ran

    /// PK_DH,IC as the chip sent it (uncompressed point, or DH value): Terminal Authentication
    /// binds to it (ICAO 9303-11 §4.4.1, ID_IC = Comp(PK_DH,IC)).
    Bytes chipEphemeralPublicKey;

    /// PK_map,IC of Generic Mapping and CAM as the chip sent it; empty after Integrated Mapping.
    Bytes chipMappingPublicKey;

    /// CAM only: the decrypted Chip Authentication Data CA_IC (§4.4.3.5), FE2OS-encoded.
    /// Check it with verifyChipAuthenticationMapping once the chip's static public key has been
    /// read from EF.CardSecurity and that file has passed Passive Authentication.
    Bytes chipAuthenticationData;

    /// The static domain parameters D_IC the run used (copied from PaceParameters), for the CAM
    /// check.
    std::uint64_t parameterId = 13;
    Bytes explicitDomainParameters;
};

/// Runs PACE as the terminal (ICAO 9303-11 §4.4): MSE:Set AT, then the chain of four GENERAL
/// AUTHENTICATE commands, with DH or ECDH and Generic, Integrated or Chip Authentication Mapping
/// as parameters.protocol says. The eMRTD application (or the MF) must already be selected.
///
/// Exchanged data (§4.4.5): step 1 reads the encrypted nonce (80); step 2 sends the terminal's
/// mapping public key (81) and reads the chip's (82) for GM and CAM, or sends the nonce t (81)
/// and accepts an empty answer for IM; step 3 exchanges ephemeral public keys (83/84); step 4
/// exchanges tokens (85/86) and, for CAM, reads the encrypted chip authentication data (8A).
/// Public keys travel as uncompressed points (ECDH) or unsigned integers in the fewest bytes
/// (DH, §9.4.1); tokens are computed over the keys as exchanged.
///
/// Random draws, in this order, each one call of random(n) (more calls only if a draw is
/// rejected as a private key):
///  - GM and CAM: the mapping private key, then the ephemeral private key;
///  - IM: the nonce t (the cipher's key size: 16, 24 or 32 bytes), then the ephemeral private
///    key.
/// Private keys take the byte length of the group order (n; q for DH, or p when q is unknown).
///
/// Errors: a chip that answers 6300, 6982 or 6985 at step 4, or whose token T_IC does not verify
/// (compared in constant time), throws Error(AccessDenied) keeping the SW: the password does not
/// open the card. Any other refusal (MSE:Set AT, steps 1-3, other SWs at step 4) throws
/// Error(CardStatus) with the SW. A malformed or incomplete 7C, a chip key that is not a valid
/// group element, or that equals the terminal's, throws Error(MalformedData). An OID that is not
/// a PACE protocol, or domain parameters of the other key agreement, throw
/// Error(InvalidArgument); unknown domain parameter IDs Error(NotSupported).
[[nodiscard]] PaceResult performPace(transport::CardChannel& channel,
                                     const PaceParameters& parameters,
                                     PacePasswordType passwordType, ByteView password,
                                     const crypto::RandomSource& random);

/// The terminal's check of Chip Authentication Mapping (ICAO 9303-11 §4.4.3.5.2):
/// PK_map,IC = CA_IC * PK_IC on the static domain parameters D_IC of result. chipStaticPublicKey
/// is the chip's static public key PK_IC as an uncompressed point (the subjectPublicKey of the
/// ChipAuthenticationPublicKeyInfo in EF.CardSecurity whose keyId equals the parameter ID). Only
/// then, with EF.CardSecurity verified by Passive Authentication, is the chip genuine.
///
/// Returns false when the equation does not hold or the key or CA_IC is not usable in the group
/// (a verification result, not an error). Throws Error(InvalidArgument) when result does not
/// come from a CAM run.
[[nodiscard]] bool verifyChipAuthenticationMapping(const PaceResult& result,
                                                   ByteView chipStaticPublicKey);

} // namespace cccd::access
