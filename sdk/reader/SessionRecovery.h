#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "apdu/CommandApdu.h"
#include "base/Error.h"
#include "sm/SecureMessagingChannel.h"
#include "transport/CardChannel.h"

namespace cccd::reader {

/// The secure messaging session of one read, carried over a chip that drops it to report a
/// length: a protected command answered by a plain 6CXX, or a plain 6987/6988 right after a
/// plain error status (a chip that answers unprotected has deleted its session keys, ICAO
/// 9303-11 §9.8.5). Access control then runs once more, the files selected since the
/// application are selected again, and the command is repeated (after 6CXX with Le = XX). At
/// most MaxRecoveriesPerFile times per selected file: a chip that does it every time ends the
/// read with its error instead of an endless loop. Any other failure passes unchanged.
class SessionRecovery : public transport::CardChannel {
public:
    /// Selects the application again and runs BAC or PACE as before, resuming `secure` with the
    /// new keys; the application is selected when it returns.
    using Reopen = std::function<void(sm::SecureMessagingChannel& secure)>;

    static constexpr std::size_t MaxRecoveriesPerFile = 2;

    SessionRecovery(sm::SecureMessagingChannel& secure, Reopen reopen);

    [[nodiscard]] Bytes transmit(ByteView commandApdu) override;

    [[nodiscard]] Bytes atr() const override { return m_secure.atr(); }

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override {
        return m_secure.capabilities();
    }

    /// From here on every failure passes unchanged: commands that follow go past this channel
    /// (the MF detour to EF.CardSecurity, Chip Authentication), so it could not restore them.
    void stop() { m_stopped = true; }

    /// How many times access control ran again.
    [[nodiscard]] std::size_t recoveries() const { return m_recoveries; }

private:
    void track(const apdu::CommandApdu& command);
    [[nodiscard]] std::optional<apdu::CommandApdu>
    repetition(const Error& e, const apdu::CommandApdu& command, bool afterPlainError) const;
    void recover();

    sm::SecureMessagingChannel& m_secure;
    Reopen m_reopen;
    std::vector<apdu::CommandApdu> m_selection; ///< SELECTs since the application's
    std::size_t m_fileRecoveries = 0;
    std::size_t m_recoveries = 0;
    bool m_afterPlainError = false;
    bool m_stopped = false;
};

} // namespace cccd::reader
