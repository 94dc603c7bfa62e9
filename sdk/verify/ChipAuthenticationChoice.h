#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/Kdf.h"
#include "lds/SecurityInfos.h"
#include "sm/SessionKeys.h"
#include "verify/ChipAuthenticationResult.h"

namespace cccd::verify {

/// One way to run Chip Authentication that DG14 offers: a ChipAuthenticationPublicKeyInfo and
/// the ChipAuthenticationInfo paired with it (ICAO 9303-11 §6.2, §9.2), or the 3DES default
/// when DG14 has no ChipAuthenticationInfo.
struct ChipAuthenticationChoice {
    lds::ChipAuthenticationPublicKeyInfo publicKey;
    std::string protocol;          ///< dotted id-CA OID (sent in DO 80, used in the token)
    bool protocolInferred = false; ///< no ChipAuthenticationInfo: id-CA-*-3DES-CBC-CBC assumed
    lds::KeyAgreement keyAgreement = lds::KeyAgreement::Ecdh;
    sm::SmCipher cipher = sm::SmCipher::Tdes;
    crypto::KeyType keyType = crypto::KeyType::Tdes;
    std::uint64_t version = 1;
    std::optional<std::uint64_t> keyId; ///< sent in DO 84 when set
    ChipAuthenticationCommand command = ChipAuthenticationCommand::MseSetAtGeneralAuthenticate;

    /// The new secure messaging keys: KDF(K, 1) and KDF(K, 2) with this protocol's cipher and
    /// key length (ICAO 9303-11 §9.7.1), whatever BAC or PACE used before, and a zero counter.
    /// Version 2 (BSI TR-03110-3) appends the chip's nonce r_PICC to K; version 1 has none.
    [[nodiscard]] sm::SessionKeys sessionKeys(ByteView sharedSecret, ByteView nonce = {}) const;

    /// Version 2's authentication token T_PICC: the MAC with KS_mac over the public key data
    /// object 7F49 { 06 protocol, 86 (ECDH) or 84 (DH) PK_IFD } (BSI TR-03110-3 Appendix A,
    /// ICAO 9303-11 §9.4): CMAC truncated to 8 bytes, or the retail MAC for 3DES.
    [[nodiscard]] Bytes authenticationToken(ByteView ksMac,
                                            ByteView terminalEphemeralPublicKey) const;
};

/// The choice DG14 offers, or why there is none.
struct ChipAuthenticationOffer {
    std::optional<ChipAuthenticationChoice> choice;
    ChipAuthenticationStatus status = ChipAuthenticationStatus::NotOffered; ///< when no choice
    ChipAuthenticationReason reason = ChipAuthenticationReason::None;
};

/// Picks the first ChipAuthenticationInfo of a supported version (1 or 2) whose key agreement
/// and keyId match a public key: equal keyIds, or an absent keyId on a side where there is only
/// one candidate. Neither a public key nor a ChipAuthenticationInfo: NotOffered. Keys but no
/// ChipAuthenticationInfo: the first key with 3DES and MSE:Set KAT (the ICAO 9303-11 §6.2
/// default, seen on French chips). Error(InconsistentSecurityInfos) when DG14 announces Chip
/// Authentication in a way no chip can honour (BSI TR-03105-5.1 LDS_F_04-07, ISO7816_D_13):
/// infos but no usable public key, a ChipAuthenticationInfo or public key info that lacks a
/// required element (then no 3DES default either), infos that match no key (differing keyIds),
/// or only versions no standard defines. Only version 3 (defined, not implemented):
/// Error(UnsupportedProtocol).
[[nodiscard]] ChipAuthenticationOffer chooseChipAuthentication(const lds::SecurityInfos& dg14);

} // namespace cccd::verify
