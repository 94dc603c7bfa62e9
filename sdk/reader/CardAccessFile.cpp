#include "reader/CardAccessFile.h"

#include "base/Error.h"
#include "base/Log.h"
#include "lds/ElementaryFile.h"
#include "reader/FileReader.h"
#include "transport/Send.h"

namespace cccd::reader {

namespace {

constexpr std::string_view LogCategory = "reader";

// ISO/IEC 7816-4 §7.1.1: SELECT MF with an empty data field, then by its file ID 3F00; no
// response data. Chips differ in which form they refuse (6D00, 6A81, 6A86, 6A87), so both are
// tried before concluding there is no way to the MF.
const apdu::CommandApdu SelectMasterFileImplicit{0x00, 0xA4, 0x00, 0x0C, {}, 0, false};
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
        if (e.code() != ErrorCode::CardStatus) {
            throw; // a file that is there but garbled is not "no file"
        }
    }
    return std::nullopt;
}

} // namespace

Bytes readCardAccess(transport::CardChannel& channel, const CancelFlag* cancel) {
    if (std::optional<Bytes> file = tryRead(channel, cancel)) {
        return std::move(*file);
    }
    // A failed SELECT MF is never fatal: without EF.CardAccess the card is read with BAC.
    if (!transport::send(channel, SelectMasterFileImplicit).isSuccess() &&
        !transport::send(channel, SelectMasterFile).isSuccess()) {
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
