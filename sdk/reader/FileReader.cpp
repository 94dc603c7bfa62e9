#include "reader/FileReader.h"

#include "apdu/StatusWord.h"
#include "base/Error.h"
#include "base/SecureBytes.h"
#include "tlv/Tlv.h"
#include "transport/Send.h"

namespace cccd::reader {

namespace {

constexpr std::uint8_t InsSelect = 0xA4;
constexpr std::uint8_t InsReadBinary = 0xB0;
constexpr std::uint8_t InsReadBinaryOdd = 0xB1;  // offset in DO'54', data in DO'53'
constexpr std::size_t MaxEvenInsOffset = 0x7FFF; // P1 b8 set would mean a short EF identifier
constexpr std::uint32_t OffsetTag = 0x54;
constexpr std::uint32_t DiscretionaryDataTag = 0x53;
// The largest file this reader takes: LDS files are at most a few hundred kilobytes (a DG3 of
// ten fingerprints); a header claiming more is a lie that would cost thousands of commands.
constexpr std::size_t MaxFileSize = std::size_t{1} << 20;
constexpr int MaxReadAttempts = 12;   // bounds the Le step-down of one READ BINARY
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

// The file bytes a DO'53' of at most ne bytes holds (ISO/IEC 7816-4 §11.2.3, odd INS).
std::size_t oddInsPayload(std::size_t ne) {
    std::size_t payload = ne >= 2 ? ne - 2 : 0;
    while (payload > 0 && payload + 1 + tlv::encodeLength(payload).size() > ne) {
        --payload;
    }
    return payload;
}

} // namespace

FileReader::FileReader(transport::CardChannel& channel, bool extendedLength,
                       ProgressCallback progress, const CancelFlag* cancel,
                       CardCapabilities* learned)
    : m_channel(channel), m_extended(extendedLength), m_progress(std::move(progress)),
      m_cancel(cancel), m_learned(learned) {
    transport::ChannelCapabilities caps = channel.capabilities();
    m_maxShortRead = std::min(caps.maxResponseDataSize, caps.maxShortResponseDataSize);
    if (m_learned != nullptr && m_learned->maxReadLength) {
        m_maxShortRead = std::min(m_maxShortRead, *m_learned->maxReadLength);
    }
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
        return readBinaryOdd(offset, length);
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

// ISO/IEC 7816-4 §11.2.3: past offset 32,767 the even INS cannot say where to read; the odd INS
// B1 names the current EF (P1-P2 0000) and carries the offset in DO'54'. Ne counts the DO'53'
// around the bytes, so `length` file bytes need a few more.
FileReader::Chunk FileReader::readBinaryOdd(std::size_t offset, std::size_t length) {
    std::size_t ne = length + 1 + tlv::encodeLength(length).size();
    if (ne > m_maxRead) {
        ne = m_maxRead;
        length = oddInsPayload(ne);
    }
    apdu::CommandApdu command{0x00,
                              InsReadBinaryOdd,
                              0x00,
                              0x00,
                              tlv::encode(OffsetTag, tlv::encodeUnsigned(offset)),
                              ne,
                              m_extended && ne > apdu::ShortNeMax};
    ++m_readCommands;
    apdu::ResponseApdu response = apdu::ResponseApdu::decode(m_channel.transmit(command.encode()));
    if (response.data.empty()) {
        return {{}, response.sw};
    }
    tlv::Tlv object = tlv::parse(response.data, DiscretionaryDataTag);
    if (object.encoded.size() != response.data.size() || object.value.size() > length) {
        throw Error(ErrorCode::MalformedData, "READ BINARY (B1) did not answer one DO'53' in Le");
    }
    return {Bytes(object.value.begin(), object.value.end()), response.sw};
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

// A size the card refused is not asked again in this session, nor, through the capability
// cache, in the next read of this card type.
void FileReader::remember(bool extendedBefore) {
    if (m_learned == nullptr) {
        return;
    }
    if (extendedBefore && !m_extended) {
        m_learned->extendedLengthRefused = true;
    }
    if (!m_extended && m_maxRead < m_maxShortRead) {
        m_learned->maxReadLength = m_maxRead;
    }
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
            } else if (m_maxRead != maxReadBefore || m_extended != extendedBefore) {
                remember(extendedBefore);
            }
            return chunk;
        }
        // What the card holds from this offset (6C00: 256): ask for exactly that. For B1 the
        // 6CXX length counts the DO'53' around the bytes.
        std::size_t exact = apdu::sw2(chunk.sw) == 0 ? apdu::ShortNeMax : apdu::sw2(chunk.sw);
        if (offset > MaxEvenInsOffset) {
            exact = oddInsPayload(exact);
        }
        if (apdu::sw1(chunk.sw) == apdu::WrongLe && !exactLe && exact != 0 && exact < want) {
            exactLe = exact;
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
    Bytes content;
    return resume(fileId, name, content);
}

FileReader::Result FileReader::readSelected(const std::string& name) {
    Bytes content;
    return resumeSelected(name, content);
}

FileReader::Result FileReader::resume(std::uint16_t fileId, const std::string& name,
                                      Bytes& content) {
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
    return resumeSelected(name, content);
}

// Errors name the file, so that a read that gives up says which file the card would not give.
FileReader::Result FileReader::resumeSelected(const std::string& name, Bytes& content) {
    try {
        return resumeContent(name, content);
    } catch (const Error& e) {
        throw Error(e.code(), name + ": " + e.what(), e.statusWord());
    }
}

FileReader::Result FileReader::resumeContent(const std::string& name, Bytes& content) {
    // A file an earlier session began has its header in: it gives the length. (content only
    // ever receives a first read whose header parsed.)
    std::optional<std::size_t> total =
        content.empty() ? std::nullopt : tlv::encodedSizeFromHeader(content);
    if (!total) {
        wipe(content);
        // First read: as much as one response holds; the file's header then gives its size.
        Chunk first = readChunk(0, std::nullopt);
        if (first.sw == static_cast<std::uint16_t>(apdu::StatusWord::SecurityStatusNotSatisfied)) {
            return {Outcome::AccessDenied, {}, first.sw};
        }
        requireData(first);
        total = tlv::encodedSizeFromHeader(first.data);
        if (!total) {
            throw Error(ErrorCode::MalformedData, "the file is shorter than its own header");
        }
        if (*total > MaxFileSize) {
            throw Error(ErrorCode::NotSupported, "the file claims more than 1 MiB");
        }
        if (first.data.size() > *total) {
            first.data.resize(*total); // padding after the object
        }
        // One buffer for the whole file, so that growing it leaves no unwiped copy behind.
        content.reserve(*total);
        append(content, first.data);
        wipe(first.data);
    }
    report(name, content.size(), *total);

    while (content.size() < *total) {
        Chunk next = readChunk(content.size(), *total - content.size());
        requireData(next);
        if (next.data.empty()) {
            throw Error(ErrorCode::MalformedData, "the file ended before the length in its header");
        }
        append(content, next.data);
        report(name, content.size(), *total);
    }
    Result whole{Outcome::Read, std::move(content), 0x9000};
    content.clear();
    return whole;
}

} // namespace cccd::reader
