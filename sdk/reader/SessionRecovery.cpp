#include "reader/SessionRecovery.h"

#include "apdu/StatusWord.h"
#include "base/Error.h"
#include "base/Log.h"

namespace cccd::reader {

namespace {

// ISO/IEC 7816-4 §7.1.1, table 39: SELECT by P1.
constexpr std::uint8_t InsSelect = 0xA4;
constexpr std::uint8_t SelectMasterFileOrChild = 0x00;
constexpr std::uint8_t SelectElementaryFile = 0x02;
constexpr std::uint8_t SelectByName = 0x04;
constexpr std::uint8_t SelectPathFromMasterFile = 0x08;

} // namespace

SessionRecovery::SessionRecovery(sm::SecureMessagingChannel& secure, Reopen reopen)
    : m_secure(secure), m_reopen(std::move(reopen)) {}

// The selection Reopen leaves (the application) plus what must follow to reach the current
// file; a new file starts a new retry budget.
void SessionRecovery::track(const apdu::CommandApdu& command) {
    if (command.ins != InsSelect) {
        return;
    }
    switch (command.p1) {
    case SelectByName:
        m_selection.clear();
        break;
    case SelectMasterFileOrChild:
    case SelectPathFromMasterFile:
        m_selection.assign(1, command);
        break;
    case SelectElementaryFile:
        if (!m_selection.empty() && m_selection.back().p1 == SelectElementaryFile) {
            m_selection.pop_back(); // an EF replaces the EF selected before it
        }
        m_selection.push_back(command);
        break;
    default:
        return;
    }
    m_fileRecoveries = 0;
}

// The command to repeat once the session is back, or nullopt when the failure is not a dropped
// session this class can mend.
std::optional<apdu::CommandApdu> SessionRecovery::repetition(const Error& e,
                                                             const apdu::CommandApdu& command,
                                                             bool afterPlainError) const {
    if (m_stopped || e.code() != ErrorCode::SecureMessaging || !m_secure.lastResponsePlain() ||
        m_fileRecoveries >= MaxRecoveriesPerFile) {
        return std::nullopt;
    }
    std::uint16_t sw = e.statusWord();
    if (apdu::sw1(sw) == apdu::WrongLe) {
        // ISO/IEC 7816-4 §5.6: 6CXX gives the exact length; one not below the Le asked is no
        // correction at all.
        std::size_t exact = apdu::sw2(sw) == 0 ? apdu::ShortNeMax : apdu::sw2(sw);
        if (command.ne != 0 && exact >= command.ne) {
            return std::nullopt;
        }
        apdu::CommandApdu again = command;
        again.ne = exact;
        return again;
    }
    bool smError = sw == static_cast<std::uint16_t>(apdu::StatusWord::SmDataObjectsMissing) ||
                   sw == static_cast<std::uint16_t>(apdu::StatusWord::SmDataObjectsIncorrect);
    if (smError && afterPlainError) {
        return command; // the plain error before it had ended the chip's session
    }
    return std::nullopt;
}

void SessionRecovery::recover() {
    ++m_fileRecoveries;
    ++m_recoveries;
    log(LogLevel::Warning, "reader", "the chip left secure messaging; access control once more");
    m_reopen(m_secure);
    for (const apdu::CommandApdu& select : m_selection) {
        apdu::ResponseApdu answer = m_secure.send(select);
        if (!answer.isSuccess()) {
            throw Error(ErrorCode::CardStatus,
                        "the file cannot be selected again after access control ran again",
                        answer.sw);
        }
    }
}

Bytes SessionRecovery::transmit(ByteView commandApdu) {
    apdu::CommandApdu command = apdu::CommandApdu::decode(commandApdu);
    track(command);
    while (true) {
        bool afterPlainError = m_afterPlainError;
        try {
            apdu::ResponseApdu response = m_secure.send(command);
            m_afterPlainError = m_secure.lastResponsePlain() && !response.isSuccess();
            return response.encode();
        } catch (const Error& e) {
            m_afterPlainError = false;
            std::optional<apdu::CommandApdu> again = repetition(e, command, afterPlainError);
            if (!again) {
                throw;
            }
            recover();
            command = std::move(*again);
        }
    }
}

} // namespace cccd::reader
