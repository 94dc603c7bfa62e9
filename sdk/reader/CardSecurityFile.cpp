#include "reader/CardSecurityFile.h"

#include "apdu/StatusWord.h"
#include "base/Error.h"
#include "base/Log.h"
#include "lds/ElementaryFile.h"
#include "reader/Application.h"
#include "transport/Send.h"

namespace cccd::reader {

namespace {

using Outcome = CardSecurityRead::Outcome;

constexpr std::string_view LogCategory = "reader";
const std::string FileName = "EF.CardSecurity";

// ISO/IEC 7816-4 §7.1.1, table 39: P1 00 with 3F00 selects the MF, P1 08 selects from the MF by
// path (without 3F00); P2 0C: no response data.
apdu::CommandApdu selectMasterFile() {
    return {0x00, 0xA4, 0x00, 0x0C, Bytes{0x3F, 0x00}, 0, false};
}

apdu::CommandApdu selectPathFromMasterFile(std::uint16_t fileId) {
    Bytes path{static_cast<std::uint8_t>(fileId >> 8), static_cast<std::uint8_t>(fileId & 0xFF)};
    return {0x00, 0xA4, 0x08, 0x0C, std::move(path), 0, false};
}

bool fatal(const Error& e) {
    return e.code() == ErrorCode::CardRemoved || e.code() == ErrorCode::ReaderUnplugged ||
           e.code() == ErrorCode::Cancelled;
}

void take(FileReader::Result result, CardSecurityRead& out) {
    switch (result.outcome) {
    case FileReader::Outcome::Read:
        out.outcome = Outcome::Read;
        out.file = std::move(result.content);
        return;
    case FileReader::Outcome::NotFound:
        out.outcome = Outcome::NotFound;
        return;
    case FileReader::Outcome::AccessDenied:
        out.outcome = Outcome::Unreachable;
        return;
    }
}

// The file by one of the two ways.
void readFromMasterFile(sm::SecureMessagingChannel& channel, FileReader& files, Bytes& partial,
                        CardSecurityRead& out) {
    const std::uint16_t fileId = lds::fileId(lds::ElementaryFile::CardSecurity);
    if (transport::send(channel, selectMasterFile()).isSuccess()) {
        take(files.resume(fileId, FileName, partial), out);
        return;
    }
    apdu::ResponseApdu byPath = transport::send(channel, selectPathFromMasterFile(fileId));
    if (byPath.isSuccess()) {
        take(files.resumeSelected(FileName, partial), out);
        return;
    }
    // 6A82 to a path the card understood: the MF has no such file.
    out.outcome =
        byPath.is(apdu::StatusWord::FileNotFound) ? Outcome::NotFound : Outcome::Unreachable;
}

} // namespace

CardSecurityRead readCardSecurity(sm::SecureMessagingChannel& channel, FileReader& files,
                                  ReadState& state) {
    CardSecurityRead out;
    if (const ReadState::File* done = state.finished(FileName)) {
        out.outcome = Outcome::Read;
        out.file = done->content;
        return out;
    }
    try {
        readFromMasterFile(channel, files, state.unfinished(FileName), out);
    } catch (const Error& e) {
        if (fatal(e)) {
            throw; // what came in stays in the state, for the next session to continue
        }
        out = {};
        log(LogLevel::Warning, LogCategory, "EF.CardSecurity cannot be read");
    }
    if (out.outcome == Outcome::Read) {
        state.finish(FileName, {FileReader::Outcome::Read, out.file, 0x9000});
    } else {
        state.dropUnfinished(); // nothing to continue: the next session tries afresh
        log(LogLevel::Info, LogCategory, "EF.CardSecurity not available");
    }

    // Selected again whatever happened: a card may leave the application even for a SELECT it
    // refuses (the emulated card does, for a file behind EAC), or for one that broke off.
    if (!channel.ended()) {
        try {
            reselectApplication(channel);
        } catch (const Error& e) {
            if (fatal(e)) {
                throw;
            }
            log(LogLevel::Warning, LogCategory, "eMRTD application not selected again");
            out.applicationSelected = false;
        }
    }
    out.applicationSelected = out.applicationSelected && !channel.ended();
    return out;
}

} // namespace cccd::reader
