#include "emulator/card/EmulatedCard.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <utility>
#include <variant>

#include "base/Error.h"
#include "base/Log.h"
#include "emulator/card/PaceProtocol.h"
#include "emulator/card/SecurityEnvironment.h"
#include "emulator/card/StatusWord.h"

namespace cccd::emulator {

namespace {

constexpr std::string_view LogCategory = "emulator.card";

// Instructions of ISO/IEC 7816-4 §11 that the chip implements.
constexpr std::uint8_t InsSelect = 0xA4;
constexpr std::uint8_t SelectByName = 0x04; // SELECT P1: by DF name (the AID)
constexpr std::uint8_t InsReadBinary = 0xB0;
constexpr std::uint8_t InsReadBinaryOdd = 0xB1; // offset in DO'54' (ISO/IEC 7816-4 §11.2.3)
constexpr std::uint8_t InsGetChallenge = 0x84;
constexpr std::uint8_t InsExternalAuthenticate = 0x82;
constexpr std::uint8_t InsManageSecurityEnvironment = 0x22;
constexpr std::uint8_t InsGeneralAuthenticate = 0x86;
constexpr std::uint8_t InsInternalAuthenticate = 0x88;
constexpr std::uint8_t InsGetResponse = 0xC0;

// SELECT P1 with a FID in the data: 00 (MF, DF or EF), 02 (EF under the current DF), 08 (path).
bool selectsByFid(const CommandApdu& command) {
    return command.ins == InsSelect && command.data.size() == 2 &&
           (command.p1 == 0x00 || command.p1 == 0x02 || command.p1 == 0x08);
}

bool readsBinary(const CommandApdu& command) {
    return command.ins == InsReadBinary || command.ins == InsReadBinaryOdd;
}

// 61XX and 6CXX carry a length in SW2 (ISO/IEC 7816-4 §5.6), 00 meaning 256.
std::uint16_t withLength(std::uint8_t sw1, std::size_t length) {
    return static_cast<std::uint16_t>((sw1 << 8) | (std::min<std::size_t>(length, 256) & 0xFF));
}

// The OversizeLength fault's length field: four length octets announcing 2 GiB - 1.
constexpr std::uint8_t OversizeLength[] = {0x84, 0x7F, 0xFF, 0xFF, 0xFF};

// CLA: 00 plain, 0C secure messaging with authenticated header, bit 5 (10) command chaining
// (ISO/IEC 7816-4 §5.4.1).
constexpr std::uint8_t ClaPlain = 0x00;
constexpr std::uint8_t ClaProtected = 0x0C;
constexpr std::uint8_t ClaChaining = 0x10;

// MSE P1-P2 (ISO/IEC 7816-4 §11.5.11): Set for mutual authentication with the authentication
// template (ICAO 9303-11 §4.4.4.1, PACE; §6.2, Chip Authentication), and Set for
// computation with the key agreement template (§6.2, Chip Authentication with 3DES).
// P1 C1 (PACE: computation and verification) or 41 (Chip Authentication: computation only),
// P2 A4 authentication template or A6 key agreement template (ICAO 9303-11 §4.4.4.1, §6.2).
constexpr std::uint16_t MseSetAuthenticationTemplate = 0xC1A4;
constexpr std::uint16_t MseSetChipAuthenticationTemplate = 0x41A4;
constexpr std::uint16_t MseSetKeyAgreementTemplate = 0x41A6;

// ICAO 9303-11 §9.2 (ChipAuthenticationInfo): id-CA = 0.4.0.127.0.7.2.2.3.
constexpr std::string_view ChipAuthenticationArc = "0.4.0.127.0.7.2.2.3.";

constexpr std::size_t ChallengeSize = 8;
constexpr std::size_t BacCommandSize = 40;

std::vector<ElementaryFile> copyFiles(const std::vector<ElementaryFile>& files) {
    return files;
}

} // namespace

EmulatedCard::EmulatedCard(CardProfile profile, crypto::RandomSource random)
    : m_profile(std::move(profile)), m_random(std::move(random)),
      m_files(copyFiles(m_profile.masterFiles), copyFiles(m_profile.applicationFiles)) {
    reset();
    for (const std::string& text : m_profile.faults) {
        std::variant<CommandFault, std::string> fault = parseCommandFault(text);
        if (auto* error = std::get_if<std::string>(&fault)) {
            throw Error(ErrorCode::InvalidArgument, "profile fault: " + *error);
        }
        arm(std::get<CommandFault>(std::move(fault)));
    }
}

void EmulatedCard::reset() {
    m_commandNumber = 0;
    m_chain.reset();
    m_session.reset();
    m_nextSessionKeys.reset();
    m_files.reset();
    m_authentication = Authentication::None;
    if (m_profile.offersBac()) {
        m_bac.emplace(m_profile.mrzInformation, m_random);
    }
    if (!m_profile.pace.empty()) {
        m_pace.emplace(m_profile, m_random);
    }
    m_chipAuthentication.clear();
    m_chipAuthenticationKey = 0;
    if (!m_profile.chipAuthenticationProtocol.empty() &&
        !m_profile.chipAuthenticationKeyPem.empty()) {
        m_chipAuthentication.reserve(1 + m_profile.additionalChipAuthenticationKeys.size());
        m_chipAuthentication.emplace_back(m_profile.chipAuthenticationKeyPem.view(),
                                          m_profile.chipAuthenticationProtocol,
                                          m_profile.chipAuthenticationKeyId, 1, m_random);
        for (const AdditionalChipAuthenticationKey& key :
             m_profile.additionalChipAuthenticationKeys) {
            m_chipAuthentication.emplace_back(key.privateKeyPem.view(), key.protocol, key.keyId, 1,
                                              m_random);
        }
    }
    m_activeAuthentication.reset();
    if (!m_profile.activeAuthenticationKeyPem.empty()) {
        m_activeAuthentication.emplace(m_profile.activeAuthenticationKeyPem.view(),
                                       m_profile.activeAuthenticationDigest, m_random);
    }
}

std::optional<SmCipher> EmulatedCard::secureMessagingCipher() const {
    if (!m_session) {
        return std::nullopt;
    }
    return m_session->cipher();
}

std::optional<EmulatedCard::SelectedFile> EmulatedCard::selectedFile() const {
    const ElementaryFile* current = m_files.currentFile();
    if (current == nullptr) {
        return std::nullopt;
    }
    return SelectedFile{m_files.currentDf(), current->fid};
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

void EmulatedCard::arm(CommandFault fault) {
    if (!fault.changesFile()) {
        m_faults.commands.push_back(std::move(fault));
        return;
    }
    ElementaryFile* ef = m_files.findFile(fault.fid);
    if (ef == nullptr || fault.offset >= ef->data.size()) {
        throw Error(ErrorCode::InvalidArgument, "no such file byte to change");
    }
    Bytes& data = ef->data;
    if (fault.kind == CommandFault::Kind::TlvLength) {
        data[fault.offset] = static_cast<std::uint8_t>(data[fault.offset] + fault.delta);
        return;
    }
    std::uint8_t first = data[fault.offset];
    std::size_t fieldSize = first < 0x80 ? 1 : 1 + (first & 0x7F);
    if (fault.offset + fieldSize > data.size()) {
        throw Error(ErrorCode::InvalidArgument, "no length field at that offset");
    }
    auto at = data.begin() + static_cast<std::ptrdiff_t>(fault.offset);
    data.erase(at, at + static_cast<std::ptrdiff_t>(fieldSize));
    data.insert(data.begin() + static_cast<std::ptrdiff_t>(fault.offset),
                std::begin(OversizeLength), std::end(OversizeLength));
}

std::optional<std::uint16_t> EmulatedCard::commandFid(const CommandApdu& command) const {
    if (selectsByFid(command)) {
        return static_cast<std::uint16_t>((command.data[0] << 8) | command.data[1]);
    }
    if (!readsBinary(command)) {
        return std::nullopt;
    }
    if (command.ins == InsReadBinaryOdd && (command.p1 != 0 || command.p2 != 0)) {
        std::uint8_t sfi = command.p2 & 0x1F;
        if (command.p1 != 0 || (command.p2 & 0xE0) != 0 || sfi == 0x1F) {
            return static_cast<std::uint16_t>((command.p1 << 8) | command.p2);
        }
        for (const auto* files : {&m_profile.applicationFiles, &m_profile.masterFiles}) {
            for (const ElementaryFile& ef : *files) {
                if ((ef.fid & 0x1F) == sfi) {
                    return ef.fid;
                }
            }
        }
        return std::nullopt;
    }
    if (command.ins == InsReadBinary && (command.p1 & 0x80) != 0) {
        // A short EF identifier: the low five bits of the FID; the application's files first.
        std::uint8_t sfi = command.p1 & 0x1F;
        for (const auto* files : {&m_profile.applicationFiles, &m_profile.masterFiles}) {
            for (const ElementaryFile& ef : *files) {
                if ((ef.fid & 0x1F) == sfi) {
                    return ef.fid;
                }
            }
        }
        return std::nullopt;
    }
    const ElementaryFile* current = m_files.currentFile();
    return current != nullptr ? std::optional<std::uint16_t>(current->fid) : std::nullopt;
}

std::optional<CommandFault> EmulatedCard::takeFault(const CommandApdu& command) {
    std::vector<CommandFault>& pending = m_faults.commands;
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        const FaultTrigger& when = it->when;
        if ((when.commandNumber && *when.commandNumber != m_commandNumber) ||
            (when.ins && *when.ins != command.ins) ||
            (when.fid && commandFid(command) != when.fid)) {
            continue;
        }
        CommandFault fault = *it;
        if (!when.always) {
            pending.erase(it);
        }
        log(LogLevel::Info, LogCategory, "command fault fired");
        return fault;
    }
    return std::nullopt;
}

void EmulatedCard::cutPower() {
    {
        std::lock_guard lock(m_power->mutex);
        m_power->cut = true;
    }
    m_power->changed.notify_all();
}

bool EmulatedCard::powerWasCut() {
    {
        std::lock_guard lock(m_power->mutex);
        if (!std::exchange(m_power->cut, false)) {
            return false;
        }
    }
    log(LogLevel::Info, LogCategory, "the reader cut the power: the card resets");
    reset();
    return true;
}

bool EmulatedCard::beforeExecute(const std::optional<CommandFault>& fault, CommandApdu& command) {
    if (!fault) {
        return true;
    }
    if (fault->kind == CommandFault::Kind::Delay) {
        std::unique_lock lock(m_power->mutex);
        m_power->changed.wait_for(lock, std::chrono::milliseconds(fault->count),
                                  [this] { return m_power->cut; });
        lock.unlock();
        return !powerWasCut();
    }
    if (fault->kind == CommandFault::Kind::Extend && readsBinary(command) && command.ne) {
        command.ne = *command.ne + fault->count; // a card ignoring Le: the file's next bytes
    }
    return true;
}

void EmulatedCard::faultAnswer(const std::optional<CommandFault>& fault, const CommandApdu& command,
                               CardResponse& response) {
    if (!fault) {
        return;
    }
    using Kind = CommandFault::Kind;
    switch (fault->kind) {
    case Kind::StatusOnly:
        response.data.clear();
        response.statusWord = fault->statusWord.value_or(toUint(StatusWord::Success));
        break;
    case Kind::WrongLe: {
        std::size_t exact = fault->hasCount ? fault->count : response.data.size();
        response.data.clear();
        response.statusWord = withLength(0x6C, exact);
        break;
    }
    case Kind::EarlyEnd: {
        std::size_t keep = fault->hasCount ? fault->count : response.data.size() / 2;
        response.data.resize(std::min(keep, response.data.size()));
        response.statusWord = 0x6282;
        break;
    }
    case Kind::Extend:
        if (!readsBinary(command)) {
            response.data.insert(response.data.end(), fault->count, 0x00); // filler bytes
        }
        break;
    default:
        break;
    }
}

Bytes EmulatedCard::faultResponse(const std::optional<CommandFault>& fault, Bytes response) {
    if (!fault || response.size() < 2) {
        return response;
    }
    using Kind = CommandFault::Kind;
    std::size_t dataSize = response.size() - 2;
    switch (fault->kind) {
    case Kind::Truncate: {
        std::size_t drop = std::min(fault->count, dataSize);
        auto end = response.begin() + static_cast<std::ptrdiff_t>(dataSize);
        response.erase(end - static_cast<std::ptrdiff_t>(drop), end);
        return response;
    }
    case Kind::Garbage:
        return fault->bytes.empty() ? m_random(fault->count) : fault->bytes;
    case Kind::Chain:
        if (dataSize == 0) {
            return response;
        }
        m_chain = std::move(response);
        m_chainSent = 0;
        m_chainPiece = fault->count;
        return nextChainPiece(fault->count);
    default:
        return response;
    }
}

// T=0 (ISO/IEC 7816-4 §5.3.4): the next piece of a chained response, then 61XX with what is
// left, or the status word with the last piece.
Bytes EmulatedCard::nextChainPiece(std::optional<std::size_t> le) {
    Bytes& whole = *m_chain;
    std::size_t dataSize = whole.size() - 2;
    std::size_t piece = m_chainPiece == 0 ? 256 : m_chainPiece;
    std::size_t take = std::min({piece, le.value_or(256), dataSize - m_chainSent});
    auto first = whole.begin() + static_cast<std::ptrdiff_t>(m_chainSent);
    Bytes out(first, first + static_cast<std::ptrdiff_t>(take));
    m_chainSent += take;
    std::size_t left = dataSize - m_chainSent;
    if (left == 0) {
        out.insert(out.end(), whole.end() - 2, whole.end());
        m_chain.reset();
        return out;
    }
    std::uint16_t more = withLength(0x61, left);
    out.push_back(static_cast<std::uint8_t>(more >> 8));
    out.push_back(static_cast<std::uint8_t>(more & 0xFF));
    return out;
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
    powerWasCut(); // the field came back for this command
    ++m_commandNumber;
    if (m_chain) {
        // Only GET RESPONSE continues a chain; any other command drops what was left.
        std::optional<CommandApdu> get = parseCommandApdu(commandApdu);
        if (get && get->ins == InsGetResponse && (get->cla & ClaProtected) == 0) {
            return nextChainPiece(get->ne);
        }
        m_chain.reset();
    }
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

    auto cla = static_cast<std::uint8_t>(command->cla & ~ClaChaining);
    if (cla == ClaProtected) {
        return answerProtected(*command);
    }
    if (cla != ClaPlain) {
        return responseApdu({}, toUint(StatusWord::ClassNotSupported));
    }

    // A plain command APDU ends the secure messaging session (ICAO 9303-11 §9.8; BSI
    // TR-03105-3.2 §3.2.1): the chip falls back to the unauthenticated state.
    m_session.reset();
    std::optional<CommandFault> fault = takeFault(*command);
    if (fault && fault->kind == CommandFault::Kind::Remove) {
        m_removed = true; // pulled before the answer: the reader gets none
        return {};
    }
    if (fault && fault->kind == CommandFault::Kind::Reset) {
        reset(); // then answers as a fresh card
    }
    if (!beforeExecute(fault, *command)) {
        return {}; // the field went off: no answer
    }
    CardResponse response = execute(*command, false);
    m_removed = response.cardRemoved;
    if (m_nextSessionKeys) {
        m_session.emplace(std::move(*m_nextSessionKeys));
        m_nextSessionKeys.reset();
    }
    faultAnswer(fault, *command, response);
    return faultResponse(fault, responseApdu(response.data, response.statusWord));
}

void EmulatedCard::protectionFaults(const CommandFault& fault, ResponseFaults& faults) {
    switch (fault.kind) {
    case CommandFault::Kind::SkipSsc:
        faults.sscSteps = 2;
        break;
    case CommandFault::Kind::RepeatSsc:
        faults.sscSteps = 0;
        break;
    case CommandFault::Kind::CorruptMac:
        faults.corruptMac = true;
        break;
    case CommandFault::Kind::CorruptCryptogram:
        faults.corruptCryptogram = true;
        break;
    case CommandFault::Kind::DropObject:
        faults.dropObject = fault.tag;
        break;
    default:
        break;
    }
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
    CommandApdu& command = std::get<CommandApdu>(inner);
    if (command.extended && !m_profile.extendedLength) {
        m_session.reset();
        return responseApdu({}, toUint(StatusWord::WrongLength));
    }
    std::optional<CommandFault> fault = takeFault(command);
    if (fault && fault->kind == CommandFault::Kind::Remove) {
        m_removed = true; // no power, no session keys
        m_session.reset();
        return {};
    }
    if (fault && fault->kind == CommandFault::Kind::Reset) {
        // The card lost power or was reset: no keys, so the protected command is refused plain.
        reset();
        return responseApdu({},
                            fault->statusWord.value_or(toUint(StatusWord::SmDataObjectsIncorrect)));
    }
    if (!beforeExecute(fault, command)) {
        return {};
    }

    CardResponse response = execute(command, true);
    if (response.cardRemoved) {
        m_removed = true;
        return {};
    }
    faultAnswer(fault, command, response);
    ResponseFaults faults = m_faults.nextResponse;
    m_faults.nextResponse = ResponseFaults{};
    if (fault) {
        protectionFaults(*fault, faults);
    }
    Bytes protectedResponse = m_session->wrapResponse(response.data, response.statusWord, faults,
                                                      (command.ins & 0x01) != 0);

    // A protocol run under secure messaging (PACE again, Chip Authentication) answers under the
    // old keys; the commands after it use the new ones.
    if (m_nextSessionKeys) {
        m_session->restart(std::move(*m_nextSessionKeys));
        m_nextSessionKeys.reset();
    }
    return faultResponse(fault, std::move(protectedResponse));
}

CardResponse EmulatedCard::execute(const CommandApdu& command, bool secureMessaging) {
    // Only the GENERAL AUTHENTICATE steps of PACE and Chip Authentication come chained.
    if ((command.cla & ClaChaining) != 0 && command.ins != InsGeneralAuthenticate) {
        return status(StatusWord::CommandChainingNotSupported);
    }
    switch (command.ins) {
    case InsSelect:
        if (command.p1 == SelectByName && m_profile.applicationAfterPace && !secureMessaging) {
            return status(StatusWord::SecurityStatusNotSatisfied);
        }
        return selectCommand(m_files, command, m_profile.selectMfStatus);
    case InsReadBinary:
        return readBinaryCommand(m_files, command, {secureMessaging, m_profile.readBeyondEndStatus},
                                 m_faults.removal);
    case InsReadBinaryOdd:
        return readBinaryOddCommand(
            m_files, command, {secureMessaging, m_profile.readBeyondEndStatus}, m_faults.removal);
    case InsGetChallenge:
        return getChallenge(command);
    case InsExternalAuthenticate:
        return externalAuthenticate(command, secureMessaging);
    case InsManageSecurityEnvironment:
        return manageSecurityEnvironment(command, secureMessaging);
    case InsGeneralAuthenticate:
        return generalAuthenticate(command, secureMessaging);
    case InsInternalAuthenticate:
        return activeAuthentication(command, secureMessaging);
    default:
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
        return status(StatusWord::InstructionNotSupported); // a PACE-only card has no BAC
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
    std::optional<BacResponder::Outcome> outcome = m_bac->authenticate(command.data, m_faults.bac);
    if (!outcome) {
        log(LogLevel::Info, LogCategory, "BAC refused: wrong access key");
        return status(StatusWord::AuthenticationFailed);
    }
    m_nextSessionKeys = std::move(outcome->keys);
    log(LogLevel::Debug, LogCategory, "BAC established: secure messaging on");
    return {std::move(outcome->response), toUint(StatusWord::Success), false};
}

// MANAGE SECURITY ENVIRONMENT: the protocol OID in MSE:Set AT decides who runs the following
// GENERAL AUTHENTICATE steps: PACE (0.4.0.127.0.7.2.2.4.*) or Chip Authentication
// (0.4.0.127.0.7.2.2.3.*). MSE:Set KAT belongs to Chip Authentication.
CardResponse EmulatedCard::manageSecurityEnvironment(const CommandApdu& command,
                                                     bool secureMessaging) {
    auto p1p2 = static_cast<std::uint16_t>((command.p1 << 8) | command.p2);
    if (p1p2 == MseSetKeyAgreementTemplate) {
        return chipAuthentication(command, secureMessaging);
    }
    if (p1p2 != MseSetAuthenticationTemplate && p1p2 != MseSetChipAuthenticationTemplate) {
        return status(StatusWord::IncorrectP1P2);
    }
    std::optional<SecurityEnvironment> environment = parseSecurityEnvironment(command.data);
    if (!environment || !environment->protocol) {
        return status(StatusWord::IncorrectData);
    }
    const std::string& protocol = *environment->protocol;
    if (protocol.rfind(ChipAuthenticationArc, 0) == 0) {
        return chipAuthentication(command, secureMessaging);
    }
    if (!PaceProtocol::isPaceOid(protocol) || !m_pace) {
        return status(StatusWord::IncorrectData);
    }
    m_authentication = Authentication::None;
    if (std::optional<std::uint16_t> sw = m_faults.pace.setAuthenticationTemplateStatus) {
        m_pace->reset();
        return {{}, *sw, false};
    }
    StatusWord sw = m_pace->setAuthenticationTemplate(command.data);
    if (sw == StatusWord::Success) {
        m_authentication = Authentication::Pace;
    }
    return status(sw);
}

// GENERAL AUTHENTICATE goes to the protocol the last MSE:Set AT chose.
CardResponse EmulatedCard::generalAuthenticate(const CommandApdu& command, bool secureMessaging) {
    switch (m_authentication) {
    case Authentication::Pace: {
        CardResponse response = paceStep(command);
        if (std::optional<SessionKeys> keys = m_pace->takeSessionKeys()) {
            m_nextSessionKeys = std::move(keys);
            m_authentication = Authentication::None;
            log(LogLevel::Debug, LogCategory, "PACE established: secure messaging on");
        } else if (response.statusWord == toUint(StatusWord::AuthenticationFailed)) {
            log(LogLevel::Info, LogCategory, "PACE refused: wrong password");
        }
        return response;
    }
    case Authentication::ChipAuthentication:
        return chipAuthentication(command, secureMessaging);
    case Authentication::None:
        break;
    }
    return status(StatusWord::ConditionsOfUseNotSatisfied);
}

// One PACE step, with the faults the test planned (PaceFaults.h).
CardResponse EmulatedCard::paceStep(const CommandApdu& command) {
    std::optional<PaceStep> step = m_pace->pendingStep();
    if (!step) {
        return m_pace->generalAuthenticate(command);
    }
    if (std::optional<std::uint16_t> sw = statusWordFault(m_faults.pace, *step)) {
        m_pace->reset();
        return {{}, *sw, false};
    }
    CardResponse response = m_pace->generalAuthenticate(command);
    return applyPaceFaults(m_faults.pace, *step, m_pace->group(), command.data,
                           std::move(response));
}

// Which Chip Authentication key an MSE:Set names: the one whose keyId DO 84 carries; without
// DO 84 the only key. ICAO 9303-11 §6.2 makes DO 84 required when the chip holds several keys,
// so then its absence names none (and with the requireKeyReference fault, always). Data that do
// not parse go to the first key, which refuses them.
std::optional<std::size_t> EmulatedCard::chipAuthenticationKeyFor(ByteView mseData) const {
    std::optional<SecurityEnvironment> environment = parseSecurityEnvironment(mseData);
    if (!environment) {
        return 0;
    }
    if (!environment->privateKeyReference) {
        bool single =
            m_chipAuthentication.size() == 1 && !m_faults.chipAuthenticity.requireKeyReference;
        return single ? std::optional<std::size_t>(0) : std::nullopt;
    }
    std::optional<std::uint64_t> reference = referenceNumber(*environment->privateKeyReference);
    for (std::size_t i = 0; i < m_chipAuthentication.size(); ++i) {
        if (reference && m_chipAuthentication[i].keyId() == reference) {
            return i;
        }
    }
    return std::nullopt;
}

// Chip Authentication (ICAO 9303-11 §6.2) inside the session BAC or PACE opened: MSE:Set KAT
// (version 1 in one step), or MSE:Set AT with a CA OID then GENERAL AUTHENTICATE, with the key
// the MSE names. The answer that completes it still goes out under the old keys; the new ones
// follow (m_nextSessionKeys), unless a fault keeps the old ones.
CardResponse EmulatedCard::chipAuthentication(const CommandApdu& command, bool secureMessaging) {
    if (m_chipAuthentication.empty()) {
        return status(StatusWord::IncorrectData);
    }
    if (!secureMessaging) {
        return status(StatusWord::SecurityStatusNotSatisfied);
    }
    const ChipAuthenticityFaults& faults = m_faults.chipAuthenticity;
    ChipAuthenticationResponder::Outcome outcome;
    if (command.ins == InsGeneralAuthenticate) {
        m_authentication = Authentication::None;
        outcome = m_chipAuthentication[m_chipAuthenticationKey].generalAuthenticate(command.data);
    } else {
        std::optional<std::size_t> key = chipAuthenticationKeyFor(command.data);
        if (!key) {
            log(LogLevel::Info, LogCategory, "Chip Authentication: unknown key reference");
            return {{},
                    faults.unknownKeyReferenceStatus.value_or(toUint(StatusWord::IncorrectData)),
                    false};
        }
        ChipAuthenticationResponder& responder = m_chipAuthentication[*key];
        if (command.p2 == (MseSetKeyAgreementTemplate & 0xFF)) {
            outcome = responder.setKeyAgreementTemplate(command.data);
        } else {
            outcome = responder.setAuthenticationTemplate(command.data);
            if (outcome.statusWord == StatusWord::Success) {
                m_authentication = Authentication::ChipAuthentication;
                m_chipAuthenticationKey = *key;
            }
        }
    }
    if (outcome.newKeys && faults.keepOldKeysAfterChipAuthentication) {
        log(LogLevel::Info, LogCategory, "Chip Authentication done: fault keeps the old keys");
    } else if (outcome.newKeys) {
        m_nextSessionKeys = std::move(outcome.newKeys);
        log(LogLevel::Debug, LogCategory, "Chip Authentication done: new session keys");
    }
    return {std::move(outcome.response), toUint(outcome.statusWord), false};
}

// INTERNAL AUTHENTICATE of Active Authentication (ICAO 9303-11 §6.1): the chip signs the
// terminal's 8-byte challenge with the private key of DG15.
CardResponse EmulatedCard::activeAuthentication(const CommandApdu& command, bool secureMessaging) {
    if (!m_activeAuthentication) {
        return status(StatusWord::InstructionNotSupported);
    }
    if (!secureMessaging) {
        return status(StatusWord::SecurityStatusNotSatisfied);
    }
    if (command.p1 != 0 || command.p2 != 0) {
        return status(StatusWord::IncorrectP1P2);
    }
    ActiveAuthenticationResponder::Outcome outcome = m_activeAuthentication->internalAuthenticate(
        command.data, m_faults.chipAuthenticity.activeAuthenticationTrailer);
    return {std::move(outcome.response), toUint(outcome.statusWord), false};
}

} // namespace cccd::emulator
