#include "reader/FileReader.h"

#include "apdu/StatusWord.h"
#include "base/Error.h"
#include "tlv/Tlv.h"
#include "transport/Send.h"

namespace cccd::reader {

namespace {

constexpr std::uint8_t InsSelect = 0xA4;
constexpr std::uint8_t InsReadBinary = 0xB0;
constexpr std::size_t MaxEvenInsOffset = 0x7FFF; // P1 b8 set would mean a short EF identifier
constexpr int MaxReadAttempts = 12;              // bounds the Le step-down of one READ BINARY
constexpr std::size_t HeaderRead = 6; // tag and a length of up to 4 bytes: an LDS file's header

apdu::CommandApdu selectFile(std::uint16_t fileId) {
    // P1 02: select EF under the current DF; P2 0C: no response data (ICAO 9303-10 §3.6.2).
    return {0x00,
            InsSelect,
            0x02,
            0x0C,
            Bytes{static_cast<std::uint8_t>(fileId >> 8), static_cast<std::uint8_t>(fileId & 0xFF)},
            0,
            false};
}

} // namespace

FileReader::FileReader(transport::CardChannel& channel, bool extendedLength,
                       ProgressCallback progress, const CancelFlag* cancel)
    : m_channel(channel), m_extended(extendedLength), m_progress(std::move(progress)),
      m_cancel(cancel) {
    transport::ChannelCapabilities caps = channel.capabilities();
    m_maxShortRead = std::min(caps.maxResponseDataSize, caps.maxShortResponseDataSize);
    m_maxRead = m_extended ? std::min<std::size_t>(caps.maxResponseDataSize, MaxEvenInsOffset + 1)
                           : m_maxShortRead;
    if (m_maxRead == 0) {
        throw Error(ErrorCode::NotSupported, "the channel cannot return any data");
    }
}

void FileReader::checkCancelled() const {
    if (m_cancel != nullptr && m_cancel->load()) {
        throw Error(ErrorCode::Cancelled, "read cancelled");
    }
}

void FileReader::report(const std::string& name, std::size_t read, std::size_t total) const {
    if (m_progress) {
        m_progress(ReadProgress{name, read, total});
    }
}

FileReader::Chunk FileReader::readBinary(std::size_t offset, std::size_t length) {
    checkCancelled();
    if (offset > MaxEvenInsOffset) {
        throw Error(ErrorCode::NotSupported, "file longer than 32,767 bytes");
    }
    apdu::CommandApdu command{0x00,
                              InsReadBinary,
                              static_cast<std::uint8_t>(offset >> 8),
                              static_cast<std::uint8_t>(offset & 0xFF),
                              {},
                              length,
                              m_extended && length > apdu::ShortNeMax};
    ++m_readCommands;
    // The status words are this class's to act on (6282, 6CXX, 6700 below): no exchange()
    // retries above secure messaging.
    apdu::ResponseApdu response = apdu::ResponseApdu::decode(m_channel.transmit(command.encode()));
    if (response.data.size() > length) {
        throw Error(ErrorCode::MalformedData, "READ BINARY returned more bytes than asked");
    }
    return {std::move(response.data), response.sw};
}

// Some cards refuse an Le they cannot fill or one above their own limit, with 6700, 6B00, 6282
// and no data, or 6CXX (ISO/IEC 7816-4 §5.6). Rather than fail, leave extended length, then step
// Le down, and keep the size that works for the rest of the session.
void FileReader::requireData(const Chunk& chunk) {
    bool endOfFile = chunk.sw == static_cast<std::uint16_t>(apdu::StatusWord::EndOfFileReached);
    if (chunk.sw != static_cast<std::uint16_t>(apdu::StatusWord::Success) && !endOfFile) {
        throw Error(ErrorCode::CardStatus,
                    "READ BINARY: " + std::string(apdu::describeStatusWord(chunk.sw)), chunk.sw);
    }
}

bool FileReader::stepDown() {
    if (m_extended) {
        m_extended = false;
        m_maxRead = m_maxShortRead;
        return true;
    }
    for (std::size_t step : {224, 192, 160, 128, 96, 64}) {
        if (step < m_maxRead) {
            m_maxRead = step;
            return true;
        }
    }
    return false;
}

FileReader::Chunk FileReader::readChunk(std::size_t offset, std::optional<std::size_t> remaining) {
    std::optional<std::size_t> exactLe;
    bool headerOnly = false; // the last resort for a small file: its header, then the rest
    std::size_t maxReadBefore = m_maxRead;
    bool extendedBefore = m_extended;
    for (int attempt = 0; attempt < MaxReadAttempts; ++attempt) {
        std::size_t want =
            exactLe.value_or(remaining ? std::min(m_maxRead, *remaining) : m_maxRead);
        Chunk chunk = readBinary(offset, want);
        bool endOfFile = chunk.sw == static_cast<std::uint16_t>(apdu::StatusWord::EndOfFileReached);
        if (chunk.sw == static_cast<std::uint16_t>(apdu::StatusWord::Success) ||
            (endOfFile && !chunk.data.empty())) {
            if (headerOnly) {
                // Only Le past this small file's end was refused: larger files keep the size.
                m_maxRead = maxReadBefore;
                m_extended = extendedBefore;
            }
            return chunk;
        }
        std::uint8_t exact = apdu::sw2(chunk.sw);
        if (apdu::sw1(chunk.sw) == apdu::WrongLe && !exactLe && exact != 0 && exact < want) {
            exactLe = exact; // what the card holds from this offset: ask for exactly that
            continue;
        }
        if (endOfFile && remaining) {
            // Asked for no more than the header promised, and the card has nothing left.
            throw Error(ErrorCode::MalformedData, "file ended before the length in its header");
        }
        bool refusedLe =
            chunk.sw == static_cast<std::uint16_t>(apdu::StatusWord::WrongLength) || endOfFile ||
            (offset == 0 && chunk.sw == static_cast<std::uint16_t>(apdu::StatusWord::WrongP1P2));
        if (refusedLe && !exactLe && stepDown()) {
            continue;
        }
        if (refusedLe && !remaining && !headerOnly) {
            headerOnly = true;
            exactLe = HeaderRead;
            continue;
        }
        return chunk; // the caller decides what this status word means
    }
    throw Error(ErrorCode::CardStatus, "READ BINARY: the card refused every length");
}

FileReader::Result FileReader::read(std::uint16_t fileId, const std::string& name) {
    checkCancelled();
    apdu::ResponseApdu selected = transport::send(m_channel, selectFile(fileId));
    if (selected.is(apdu::StatusWord::FileNotFound)) {
        return {Outcome::NotFound, {}, selected.sw};
    }
    if (selected.is(apdu::StatusWord::SecurityStatusNotSatisfied)) {
        return {Outcome::AccessDenied, {}, selected.sw};
    }
    if (!selected.isSuccess()) {
        throw Error(ErrorCode::CardStatus, "SELECT " + name + " failed", selected.sw);
    }
    return readSelected(name);
}

FileReader::Result FileReader::readSelected(const std::string& name) {
    // First read: as much as one response holds; the file's header then gives its size.
    Chunk first = readChunk(0, std::nullopt);
    if (first.sw == static_cast<std::uint16_t>(apdu::StatusWord::SecurityStatusNotSatisfied)) {
        return {Outcome::AccessDenied, {}, first.sw};
    }
    requireData(first);
    Bytes content = std::move(first.data);
    std::optional<std::size_t> total = tlv::encodedSizeFromHeader(content);
    if (!total) {
        throw Error(ErrorCode::MalformedData, name + " is shorter than its own header");
    }
    if (content.size() > *total) {
        content.resize(*total); // padding after the object
    }
    report(name, content.size(), *total);

    while (content.size() < *total) {
        Chunk next = readChunk(content.size(), *total - content.size());
        requireData(next);
        if (next.data.empty()) {
            throw Error(ErrorCode::MalformedData, name + " ended before the length in its header");
        }
        append(content, next.data);
        report(name, content.size(), *total);
    }
    return {Outcome::Read, std::move(content), 0x9000};
}

} // namespace cccd::reader
