#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "base/Bytes.h"
#include "crypto/Random.h"
#include "emulator/card/ChipAuthenticationKey.h"
#include "emulator/card/ChipAuthenticationProtocol.h"
#include "emulator/card/SessionKeys.h"
#include "emulator/card/StatusWord.h"

namespace cccd::emulator {

/// The chip's half of Chip Authentication (ICAO 9303-11 §6.2, BSI TR-03110-3 §B.2 and §B.11),
/// as pure steps: command data in, response data, status word and new session keys out.
///
/// Two ways in, both under the secure messaging of BAC or PACE:
/// * MSE:Set KAT (00 22 41 A6) with the terminal's ephemeral key: version 1 with 3DES, done in
///   one command;
/// * MSE:Set AT (00 22 41 A4) naming the protocol, then GENERAL AUTHENTICATE (00 86 00 00) with
///   the key. Version 1 answers an empty 7C; version 2 (TR-03110 EAC2) a nonce and a token.
///
/// New keys come with the answer that completes the protocol. That answer still travels under
/// the old keys; from the next command on, both sides use the new ones with SSC = 0.
class ChipAuthenticationResponder {
public:
    /// privateKeyPem: the chip's CA key (PKCS#8). protocolOid: the ChipAuthenticationInfo's
    /// protocol, e.g. 0.4.0.127.0.7.2.2.3.2.2. keyId: the ChipAuthenticationInfo's keyId, if the
    /// card names its key. version: 1 (ICAO 9303) or 2 (TR-03110 EAC2, MSE:Set AT only).
    /// random: the nonce of version 2. Throws Error(InvalidArgument) when the key does not suit
    /// the protocol or the OID is not a Chip Authentication protocol.
    ChipAuthenticationResponder(ByteView privateKeyPem, std::string_view protocolOid,
                                std::optional<std::uint64_t> keyId = std::nullopt,
                                unsigned version = 1,
                                crypto::RandomSource random = crypto::systemRandom());

    struct Outcome {
        Bytes response; ///< response data, without the status word
        StatusWord statusWord = StatusWord::Success;
        std::optional<SessionKeys> newKeys; ///< set when Chip Authentication completed
    };

    /// MSE:Set KAT data: DO'91' ephemeral public key, optional DO'84' key reference.
    [[nodiscard]] Outcome setKeyAgreementTemplate(ByteView data);

    /// MSE:Set AT data: DO'80' protocol OID (contents only), optional DO'84' key reference.
    [[nodiscard]] Outcome setAuthenticationTemplate(ByteView data);

    /// GENERAL AUTHENTICATE data: 7C { 80 ephemeral public key }, after setAuthenticationTemplate.
    [[nodiscard]] Outcome generalAuthenticate(ByteView data);

    [[nodiscard]] const ChipAuthenticationProtocol& protocol() const { return m_protocol; }

    /// The keyId of ChipAuthenticationInfo this key answers to; nullopt when the card names none.
    [[nodiscard]] std::optional<std::uint64_t> keyId() const { return m_keyId; }

private:
    [[nodiscard]] bool keyReferenceMatches(ByteView reference) const;
    [[nodiscard]] std::optional<SessionKeys> agree(ByteView terminalPublicKey, ByteView nonce);
    [[nodiscard]] Bytes authenticationToken(const SessionKeys& keys,
                                            ByteView terminalPublicKey) const;

    ChipAuthenticationKey m_key;
    ChipAuthenticationProtocol m_protocol;
    std::optional<std::uint64_t> m_keyId;
    unsigned m_version;
    crypto::RandomSource m_random;
    bool m_templateSet = false;
};

} // namespace cccd::emulator
