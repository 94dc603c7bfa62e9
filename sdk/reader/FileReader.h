#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "reader/ReadProgress.h"
#include "transport/CardChannel.h"

namespace cccd::reader {

/// Selects and reads whole elementary files (ISO/IEC 7816-4 §11.2.3 READ BINARY with an
/// even INS, so offsets up to 32,767). With extended length, one READ BINARY takes the whole
/// file; otherwise the first read takes as much as a short response holds, the file's own
/// header gives its length, and the rest follows in the largest reads that fit. No byte is read
/// twice.
class FileReader {
public:
    enum class Outcome { Read, NotFound, AccessDenied };

    struct Result {
        Outcome outcome = Outcome::Read;
        Bytes content;
        std::uint16_t sw = 0;
    };

    FileReader(transport::CardChannel& channel, bool extendedLength, ProgressCallback progress,
               const CancelFlag* cancel);

    [[nodiscard]] Result read(std::uint16_t fileId, const std::string& name);

    /// Reads the EF the caller has just selected in its own way (e.g. by path from the MF).
    [[nodiscard]] Result readSelected(const std::string& name);

    /// Number of READ BINARY commands sent so far.
    [[nodiscard]] std::size_t readCommands() const { return m_readCommands; }

private:
    struct Chunk {
        Bytes data;
        std::uint16_t sw = 0;
    };

    [[nodiscard]] Chunk readBinary(std::size_t offset, std::size_t length);
    [[nodiscard]] Chunk readChunk(std::size_t offset, std::optional<std::size_t> remaining);
    bool stepDown();
    static void requireData(const Chunk& chunk);
    void checkCancelled() const;
    void report(const std::string& name, std::size_t read, std::size_t total) const;

    transport::CardChannel& m_channel;
    bool m_extended;
    std::size_t m_maxRead;
    std::size_t m_maxShortRead;
    ProgressCallback m_progress;
    const CancelFlag* m_cancel;
    std::size_t m_readCommands = 0;
};

} // namespace cccd::reader
