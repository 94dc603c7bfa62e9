#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "apdu/CommandApdu.h"
#include "apdu/ResponseApdu.h"
#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "interop/OpenPaceHandles.h"
#include "interop/OpenPaceSecureMessaging.h"
#include "transport/CardChannel.h"

namespace cccd::test {

/// What the chip holds: the one PACEInfo of its EF.CardAccess (ICAO 9303-11 §9.2.1), the
/// passwords it accepts, and one elementary file to read under secure messaging.
struct OpenPaceChip {
    std::string protocol;          ///< dotted PACE OID, e.g. 0.4.0.127.0.7.2.2.4.2.2
    std::uint64_t parameterId{};   ///< standardized domain parameters (ICAO 9303-11 §9.5.1)
    std::string mrz;               ///< the whole printed MRZ: libeac takes the MRZ information
    std::string can;               ///< the card access number
    std::uint16_t fileId = 0x011E; ///< EF.COM
    Bytes file;
};

/// A card channel whose chip is OpenPACE (libeac): it parses the terminal's MSE:Set AT and
/// GENERAL AUTHENTICATE commands (ICAO 9303-11 §4.4.4) and answers them with libeac's PACE steps
/// on the chip's side; after PACE it unwraps and answers secure messaging with libeac's session
/// keys. A token that libeac does not verify is answered 6300. Test-only: it lets our terminal
/// meet a PACE implementation we did not write.
class OpenPaceCardChannel : public transport::CardChannel {
public:
    explicit OpenPaceCardChannel(OpenPaceChip chip);

    [[nodiscard]] Bytes transmit(ByteView commandApdu) override;

    [[nodiscard]] Bytes atr() const override;

    /// Extended length: the DH groups' public keys do not fit a short APDU.
    [[nodiscard]] transport::ChannelCapabilities capabilities() const override;

    /// KS_enc and KS_mac as libeac derived them (empty before the key agreement step).
    [[nodiscard]] SecureBytes ksEnc() const;
    [[nodiscard]] SecureBytes ksMac() const;

    /// Length of libeac's shared secret K after step 3 (0 before), to spot a K whose leading
    /// zero octet libeac dropped (ICAO 9303-11 §9.6 and the App. G.2 vector pad K to |p|).
    [[nodiscard]] std::size_t sharedSecretSize() const;

    /// The chip's ephemeral public key as libeac sent it (PK_IC).
    [[nodiscard]] const Bytes& chipEphemeralPublicKey() const { return m_chipEphemeralKey; }

    /// True once PACE succeeded and every further command must be protected.
    [[nodiscard]] bool secureMessaging() const { return m_secureMessaging.has_value(); }

    /// Every status word the chip answered, in order; under secure messaging, the inner one.
    [[nodiscard]] const std::vector<std::uint16_t>& statusWords() const { return m_statusWords; }

    /// The plain commands the chip unwrapped under secure messaging, in order.
    [[nodiscard]] const std::vector<apdu::CommandApdu>& unwrappedCommands() const {
        return m_unwrapped;
    }

private:
    enum class PaceStep { Idle, EncryptedNonce, Mapping, KeyAgreement, MutualAuthentication };

    [[nodiscard]] apdu::ResponseApdu answer(const apdu::CommandApdu& command);
    [[nodiscard]] Bytes answerProtected(const apdu::CommandApdu& command);
    [[nodiscard]] apdu::ResponseApdu setAuthenticationTemplate(const apdu::CommandApdu& command);
    [[nodiscard]] apdu::ResponseApdu generalAuthenticate(const apdu::CommandApdu& command);
    [[nodiscard]] Bytes encryptedNonce();
    [[nodiscard]] std::optional<Bytes> mapNonce(ByteView terminalMappingData);
    [[nodiscard]] std::optional<Bytes> agreeKey(ByteView terminalEphemeralKey);
    [[nodiscard]] apdu::ResponseApdu authenticate(ByteView terminalToken);
    [[nodiscard]] apdu::ResponseApdu fileCommand(const apdu::CommandApdu& command);
    [[nodiscard]] bool integratedMapping() const;

    OpenPaceChip m_chip;
    EacCtxPtr m_ctx;
    PaceSecPtr m_password;
    PaceStep m_step = PaceStep::Idle;
    Bytes m_terminalEphemeralKey;
    Bytes m_chipEphemeralKey;
    std::optional<OpenPaceSecureMessaging> m_secureMessaging;
    bool m_fileSelected = false;
    std::vector<std::uint16_t> m_statusWords;
    std::vector<apdu::CommandApdu> m_unwrapped;
};

} // namespace cccd::test
