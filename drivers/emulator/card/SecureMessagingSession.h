#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <variant>

#include "base/Bytes.h"
#include "emulator/card/CommandApdu.h"
#include "emulator/card/SessionKeys.h"
#include "emulator/card/StatusWord.h"

namespace cccd::emulator {

/// Faults applied to one protected response, for testing the terminal's checks
/// (BSI TR-03105-5.1 ISO7816_B_05 .. _09).
struct ResponseFaults {
    bool corruptMac = false;        ///< flip a bit of the DO'8E' MAC
    bool corruptCryptogram = false; ///< flip a bit of the DO'87' cryptogram (MAC still valid)
    /// Leave out DO'87' (DO'85' for an odd INS), DO'99' or DO'8E'.
    std::optional<std::uint8_t> dropObject;
    /// Counter steps before the response: 1 as it should be, 2 skips one, 0 repeats the
    /// command's counter. The session keeps the counter the fault left.
    int sscSteps = 1;
};

/// Secure messaging seen from the chip (ICAO 9303-11 §9.8, ISO/IEC 7816-4 §10), with 3DES or
/// AES: checks and opens protected command APDUs, protects response APDUs. Each direction
/// increments the send sequence counter once. Throws Error(InvalidArgument) for keys or an SSC
/// of the wrong size for the cipher.
class SecureMessagingSession {
public:
    explicit SecureMessagingSession(SessionKeys keys);

    /// Continues with new keys and counter (Chip Authentication re-keys the session, ICAO
    /// 9303-11 §6.2); the old keys are wiped.
    void restart(SessionKeys keys);

    [[nodiscard]] SmCipher cipher() const { return m_keys.cipher; }

    /// The current send sequence counter, for tests.
    [[nodiscard]] const Bytes& ssc() const { return m_keys.ssc; }

    /// Verifies DO'8E' over SSC || padded masked header || DO'87'/DO'85' || DO'97' and decrypts
    /// the data. On failure the status word to answer in plain: 6987 when a mandatory data
    /// object is missing, 6988 when one is wrong; the caller then ends the session.
    [[nodiscard]] std::variant<CommandApdu, StatusWord> unwrapCommand(const CommandApdu& outer);

    /// DO'87' (when there are data) || DO'99' || DO'8E', then the status word in clear. The
    /// answer to an odd INS (READ BINARY B1) carries its data in DO'85', without the
    /// padding-content indicator (ICAO 9303-11 §9.8.4).
    [[nodiscard]] Bytes wrapResponse(ByteView data, std::uint16_t statusWord,
                                     const ResponseFaults& faults = {}, bool oddIns = false);

private:
    void incrementSsc();
    [[nodiscard]] std::size_t blockSize() const;
    [[nodiscard]] Bytes macWithSsc(ByteView data) const;
    [[nodiscard]] Bytes encrypt(ByteView plain) const;
    [[nodiscard]] Bytes decrypt(ByteView cipherText) const;

    SessionKeys m_keys;
};

} // namespace cccd::emulator
