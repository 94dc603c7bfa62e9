#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "reader/CapabilityCache.h"
#include "reader/ReadProgress.h"
#include "transport/CardChannel.h"

namespace cccd::reader {

/// Selects and reads whole elementary files of up to 1 MiB (ISO/IEC 7816-4 §11.2.3 READ BINARY:
/// the even INS up to offset 32,767, the odd INS B1 with the offset in DO'54' past it). The first
/// read takes as much as one response holds (with extended length up to 32,768 bytes), the
/// file's own header gives its length, and the rest follows in the largest reads that fit. No
/// byte is read twice, not even across sessions: a file an earlier session began continues after
/// the bytes it brought (resume). Where the card refuses a length, reads step down (leave
/// extended length, then smaller Le) and keep the size that works; `learned`, when given, starts
/// the reads at what earlier reads of this card type found (maxReadLength) and gets what this one
/// finds.
class FileReader {
public:
    enum class Outcome { Read, NotFound, AccessDenied };

    struct Result {
        Outcome outcome = Outcome::Read;
        Bytes content;
        std::uint16_t sw = 0;
    };

    FileReader(transport::CardChannel& channel, bool extendedLength, ProgressCallback progress,
               const CancelFlag* cancel, CardCapabilities* learned = nullptr);

    [[nodiscard]] Result read(std::uint16_t fileId, const std::string& name);

    /// Reads the EF the caller has just selected in its own way (e.g. by path from the MF).
    [[nodiscard]] Result readSelected(const std::string& name);

    /// read for a file of which `content` holds the first bytes, read in an earlier session (or
    /// nothing): reading continues after them, to the length in the file's header. Each chunk
    /// goes to `content` as it arrives, so that after an error `content` holds every byte read
    /// so far, for a later session to continue from. On return the whole file is in the Result
    /// and `content` is empty.
    [[nodiscard]] Result resume(std::uint16_t fileId, const std::string& name, Bytes& content);

    /// resume for the EF the caller has just selected in its own way.
    [[nodiscard]] Result resumeSelected(const std::string& name, Bytes& content);

    /// Number of READ BINARY commands sent so far.
    [[nodiscard]] std::size_t readCommands() const { return m_readCommands; }

private:
    struct Chunk {
        Bytes data;
        std::uint16_t sw = 0;
    };

    [[nodiscard]] Result resumeContent(const std::string& name, Bytes& content);
    [[nodiscard]] Chunk readBinary(std::size_t offset, std::size_t length);
    [[nodiscard]] Chunk readBinaryOdd(std::size_t offset, std::size_t length);
    [[nodiscard]] Chunk readChunk(std::size_t offset, std::optional<std::size_t> remaining);
    bool stepDown();
    void remember(bool extendedBefore);
    static void requireData(const Chunk& chunk);
    void checkCancelled() const;
    void report(const std::string& name, std::size_t read, std::size_t total) const;

    transport::CardChannel& m_channel;
    bool m_extended;
    std::size_t m_maxRead;
    std::size_t m_maxShortRead;
    ProgressCallback m_progress;
    const CancelFlag* m_cancel;
    CardCapabilities* m_learned;
    std::size_t m_readCommands = 0;
};

} // namespace cccd::reader
