#include "emulator/card/EmulatedCard.h"

#include <string>
#include <variant>

#include "base/Error.h"
#include "base/Log.h"
#include "emulator/card/StatusWord.h"

namespace cccd::emulator {

namespace {

constexpr std::string_view LogCategory = "emulator.card";

// Instructions of ISO/IEC 7816-4 §11 that the chip implements.
constexpr std::uint8_t InsSelect = 0xA4;
constexpr std::uint8_t InsReadBinary = 0xB0;
constexpr std::uint8_t InsGetChallenge = 0x84;
constexpr std::uint8_t InsExternalAuthenticate = 0x82;

// CLA: 00 plain, 0C secure messaging with authenticated header (ISO/IEC 7816-4 §5.4.1).
constexpr std::uint8_t ClaPlain = 0x00;
constexpr std::uint8_t ClaProtected = 0x0C;

constexpr std::size_t ChallengeSize = 8;
constexpr std::size_t BacCommandSize = 40;

CardResponse status(StatusWord sw) {
    return {{}, toUint(sw), false};
}

std::vector<ElementaryFile> copyFiles(const std::vector<ElementaryFile>& files) {
    return files;
}

} // namespace

EmulatedCard::EmulatedCard(CardProfile profile, crypto::RandomSource random)
    : m_profile(std::move(profile)), m_random(std::move(random)),
      m_files(copyFiles(m_profile.masterFiles), copyFiles(m_profile.applicationFiles)) {
    reset();
}

void EmulatedCard::reset() {
    m_session.reset();
    m_files.reset();
    if (!m_profile.mrzInformation.empty()) {
        m_bac.emplace(m_profile.mrzInformation, m_random);
    }
}

void EmulatedCard::insert() {
    m_removed = false;
    reset();
}

void EmulatedCard::corruptFile(std::uint16_t fid, std::size_t offset, std::uint8_t xorMask) {
    ElementaryFile* ef = m_files.findFile(fid);
    if (ef == nullptr || offset >= ef->data.size()) {
        throw Error(ErrorCode::InvalidArgument, "no such file byte to corrupt");
    }
    ef->data[offset] = static_cast<std::uint8_t>(ef->data[offset] ^ xorMask);
}

Bytes EmulatedCard::transmit(ByteView commandApdu) {
    if (m_removed) {
        throw Error(ErrorCode::CardRemoved, "emulated card removed");
    }
    Bytes response = answer(commandApdu);
    if (m_removed) {
        log(LogLevel::Info, LogCategory, "removal fault fired: card left the field");
        throw Error(ErrorCode::CardRemoved, "emulated card removed during the exchange");
    }
    ++m_statistics.commands;
    m_statistics.commandBytes += commandApdu.size();
    m_statistics.responseBytes += response.size();
    return response;
}

Bytes EmulatedCard::answer(ByteView commandApdu) {
    if (m_faults.nextStatusWord) {
        std::uint16_t sw = *m_faults.nextStatusWord;
        m_faults.nextStatusWord.reset();
        m_session.reset();
        return responseApdu({}, sw);
    }

    std::optional<CommandApdu> command = parseCommandApdu(commandApdu);
    bool extendedRefused = command && command->extended && !m_profile.extendedLength;
    if (!command || extendedRefused) {
        m_session.reset();
        return responseApdu({}, toUint(StatusWord::WrongLength));
    }

    if (command->cla == ClaProtected) {
        return answerProtected(*command);
    }
    if (command->cla != ClaPlain) {
        return responseApdu({}, toUint(StatusWord::ClassNotSupported));
    }

    // A plain command APDU ends the secure messaging session (ICAO 9303-11 §9.8; BSI
    // TR-03105-3.2 §3.2.1): the chip falls back to the unauthenticated state.
    m_session.reset();
    CardResponse response = execute(*command, false);
    m_removed = response.cardRemoved;
    return responseApdu(response.data, response.statusWord);
}

Bytes EmulatedCard::answerProtected(const CommandApdu& outer) {
    if (!m_session) {
        return responseApdu({}, toUint(StatusWord::SmDataObjectsIncorrect));
    }
    std::variant<CommandApdu, StatusWord> inner = m_session->unwrapCommand(outer);
    if (auto* error = std::get_if<StatusWord>(&inner)) {
        // An SM error ends the session; the answer and all later ones are plain.
        m_session.reset();
        return responseApdu({}, toUint(*error));
    }
    const CommandApdu& command = std::get<CommandApdu>(inner);
    if (command.extended && !m_profile.extendedLength) {
        m_session.reset();
        return responseApdu({}, toUint(StatusWord::WrongLength));
    }

    CardResponse response = execute(command, true);
    if (response.cardRemoved) {
        m_removed = true;
        return {};
    }
    if (!m_session) { // the command itself ended the session (a new BAC)
        return responseApdu(response.data, response.statusWord);
    }
    ResponseFaults faults = m_faults.nextResponse;
    m_faults.nextResponse = ResponseFaults{};
    return m_session->wrapResponse(response.data, response.statusWord, faults);
}

CardResponse EmulatedCard::execute(const CommandApdu& command, bool secureMessaging) {
    switch (command.ins) {
    case InsSelect:
        return selectCommand(m_files, command, m_profile.selectMfStatus);
    case InsReadBinary:
        return readBinaryCommand(m_files, command, secureMessaging, m_faults.removal);
    case InsGetChallenge:
        return getChallenge(command);
    case InsExternalAuthenticate:
        return externalAuthenticate(command, secureMessaging);
    default:
        // TODO(emulator): PACE (MSE:Set AT, GENERAL AUTHENTICATE), Active Authentication
        // (INTERNAL AUTHENTICATE) and Chip Authentication; BAC-only readers work without them.
        return status(StatusWord::InstructionNotSupported);
    }
}

// GET CHALLENGE (ISO/IEC 7816-4 §11.5.3): 8 random bytes for BAC (ICAO 9303-11 §4.3.4.1).
CardResponse EmulatedCard::getChallenge(const CommandApdu& command) {
    if (command.p1 != 0 || command.p2 != 0) {
        return status(StatusWord::IncorrectP1P2);
    }
    if (!command.data.empty() || !command.ne ||
        (*command.ne != ChallengeSize && *command.ne != 256)) {
        return status(StatusWord::WrongLength);
    }
    if (!m_bac) {
        return {crypto::randomBytes(ChallengeSize), toUint(StatusWord::Success), false};
    }
    return {m_bac->challenge(), toUint(StatusWord::Success), false};
}

// EXTERNAL AUTHENTICATE / MUTUAL AUTHENTICATE of BAC (ICAO 9303-11 §4.3.4.2): Lc 28, Le 28
// (or 00). A wrong MAC or cryptogram answers 6300 and leaves no session.
CardResponse EmulatedCard::externalAuthenticate(const CommandApdu& command, bool secureMessaging) {
    if (!m_bac) {
        return status(StatusWord::InstructionNotSupported);
    }
    if (command.p1 != 0 || command.p2 != 0) {
        return status(StatusWord::IncorrectP1P2);
    }
    if (command.data.size() != BacCommandSize || !command.ne ||
        (*command.ne != BacCommandSize && *command.ne != 256)) {
        return status(StatusWord::WrongLength);
    }
    if (secureMessaging || !m_bac->hasChallenge()) {
        return status(StatusWord::ConditionsOfUseNotSatisfied);
    }
    std::optional<BacResponder::Outcome> outcome = m_bac->authenticate(command.data);
    if (!outcome) {
        log(LogLevel::Info, LogCategory, "BAC refused: wrong access key");
        return status(StatusWord::AuthenticationFailed);
    }
    m_session.emplace(std::move(outcome->keys));
    log(LogLevel::Debug, LogCategory, "BAC established: secure messaging on");
    return {std::move(outcome->response), toUint(StatusWord::Success), false};
}

} // namespace cccd::emulator
