#include "reader/CardAccessFile.h"

#include "base/Error.h"
#include "base/Log.h"
#include "lds/ElementaryFile.h"
#include "reader/FileReader.h"
#include "transport/Send.h"

namespace cccd::reader {

namespace {

constexpr std::string_view LogCategory = "reader";

// ISO/IEC 7816-4 §7.1.1: SELECT by file ID 3F00, no response data.
const apdu::CommandApdu SelectMasterFile{0x00, 0xA4, 0x00, 0x0C, Bytes{0x3F, 0x00}, 0, false};

std::optional<Bytes> tryRead(transport::CardChannel& channel, const CancelFlag* cancel) {
    FileReader files(channel, false, {}, cancel);
    try {
        FileReader::Result r =
            files.read(lds::fileId(lds::ElementaryFile::CardAccess), "EF.CardAccess");
        if (r.outcome == FileReader::Outcome::Read) {
            return std::move(r.content);
        }
    } catch (const Error& e) {
        if (e.code() != ErrorCode::CardStatus && e.code() != ErrorCode::MalformedData) {
            throw;
        }
    }
    return std::nullopt;
}

// The first exchange of a session may fail at the link (pcsc-lite with vpcd answers
// SCARD_E_NOT_TRANSACTED to the first command after a card swap): it is tried once more before
// the error stands.
std::optional<Bytes> firstRead(transport::CardChannel& channel, const CancelFlag* cancel) {
    try {
        return tryRead(channel, cancel);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::Transport) {
            throw;
        }
        log(LogLevel::Info, LogCategory, "first exchange failed at the link; trying again");
        return tryRead(channel, cancel);
    }
}

} // namespace

Bytes readCardAccess(transport::CardChannel& channel, const CancelFlag* cancel) {
    if (std::optional<Bytes> file = firstRead(channel, cancel)) {
        return std::move(*file);
    }
    if (!transport::send(channel, SelectMasterFile).isSuccess()) {
        log(LogLevel::Info, LogCategory, "no EF.CardAccess and no SELECT MF: no PACE offered");
        return {};
    }
    if (std::optional<Bytes> file = tryRead(channel, cancel)) {
        return std::move(*file);
    }
    log(LogLevel::Info, LogCategory, "no EF.CardAccess: the card offers no PACE");
    return {};
}

} // namespace cccd::reader
