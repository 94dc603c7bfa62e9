#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "base/Bytes.h"
#include "reader/FileReader.h"

namespace cccd::reader {

/// What a read of one card has gathered so far, so that a read the card's removal (or another
/// transport error) broke off continues where it stopped instead of starting over.
///
/// The caller owns it and hands it to readCard through ReadOptions::state. readCard records in
/// it the card's ATR, EF.CardAccess, every file it finished (read, or skipped as access denied
/// or not found) and the bytes of the file under way. Called again with the same state after a
/// failure, readCard reuses EF.CardAccess and the finished files, opens a new session (PACE or
/// BAC again: new session keys, a new send sequence counter), continues the unfinished file
/// from the offset it reached, and proves the chip (Chip Authentication Mapping, Chip or Active
/// Authentication) in that final session. Passive Authentication runs over the files of all
/// sessions together, so a file from another card fails it.
///
/// Lifetime: one state per card, from the first attempt until the read completes (readCard
/// then empties it: the files are in the CardReadout) or the caller gives up on the card and
/// calls clear(). It must outlive each readCard call it is given to; one call at a time.
///
/// It holds no key material (the caller gives the access key again), but file bytes are
/// personal data: they are wiped by clear(), when a read completes and on destruction.
class ReadState {
public:
    /// A file a session finished.
    struct File {
        FileReader::Outcome outcome = FileReader::Outcome::Read;
        Bytes content; ///< empty unless outcome is Read
        std::uint16_t sw = 0;
    };

    ReadState() = default;
    ~ReadState();
    ReadState(const ReadState&) = delete;
    ReadState& operator=(const ReadState&) = delete;

    /// Nothing gathered: the next read starts afresh.
    [[nodiscard]] bool empty() const;

    /// Wipes everything gathered: the next read starts afresh.
    void clear();

    /// Whether a card with this ATR may be the state's card (always, for an empty state). A
    /// matching ATR is not proof: cards of one model share it (see readCard).
    [[nodiscard]] bool belongsTo(ByteView atr) const;

    /// Sessions the read has opened so far (BAC or PACE that succeeded).
    [[nodiscard]] std::size_t sessions() const { return m_sessions; }

    /// READ BINARY commands of all sessions so far.
    [[nodiscard]] std::size_t readBinaryCommands() const { return m_readBinaryCommands; }

    /// Times the sessions so far opened the chip again after it left secure messaging.
    [[nodiscard]] std::size_t secureMessagingRecoveries() const { return m_recoveries; }

    /// How many files the sessions so far finished (read, or skipped).
    [[nodiscard]] std::size_t finishedFiles() const { return m_files.size(); }

    /// The file under way and how many of its bytes are in; nullopt when none is.
    [[nodiscard]] std::optional<std::pair<std::string, std::size_t>> unfinishedFile() const;

    // The steps readCard records. A caller only keeps the state, asks it the above, or clears it.

    /// Takes the ATR of the card a read starts on. Throws Error(InvalidArgument) when the state
    /// holds another card's read (its ATR differs).
    void admit(ByteView atr);

    /// EF.CardAccess as an earlier session read it (empty: the card has none); nullopt when it
    /// was not read yet.
    [[nodiscard]] const std::optional<Bytes>& cardAccess() const { return m_cardAccess; }

    void setCardAccess(Bytes file);

    /// The finished file of that name; nullptr when no session finished it.
    [[nodiscard]] const File* finished(const std::string& name) const;

    /// The bytes an earlier session read of the unfinished file `name` (empty when none), for the
    /// FileReader to continue and fill. Starting another file discards the previous one's bytes.
    [[nodiscard]] Bytes& unfinished(const std::string& name);

    /// Records a finished file; the unfinished bytes of that name are wiped.
    void finish(const std::string& name, const FileReader::Result& result);

    /// Wipes the unfinished file's bytes (a session gave up on it without an error to resume).
    void dropUnfinished();

    void addSession() { ++m_sessions; }

    void addReadBinaryCommands(std::size_t count) { m_readBinaryCommands += count; }

    void addSecureMessagingRecoveries(std::size_t count) { m_recoveries += count; }

private:
    Bytes m_atr;
    std::optional<Bytes> m_cardAccess;
    std::map<std::string, File> m_files;
    std::string m_unfinishedName;
    Bytes m_unfinished;
    std::size_t m_sessions = 0;
    std::size_t m_readBinaryCommands = 0;
    std::size_t m_recoveries = 0;
};

} // namespace cccd::reader
