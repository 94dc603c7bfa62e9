#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/SecureBytes.h"

namespace cccd::kiosk {

/// What one counter session leaves behind: who served, what for, with what result, and which
/// fields of the card were used. Never the citizen's data: the ID number only as a keyed hash.
struct AuditEntry {
    std::string time; ///< UTC, ISO 8601 ("2026-12-04T08:15:00Z")
    std::string counterId;
    std::string clerkId;
    std::string procedure; ///< the form's id; empty when the session ended before one was chosen
    /// "verified", or the failure: "access_denied", "possible_clone", "not_verified",
    /// "card_removed", "timeout", ...
    std::string outcome;
    std::vector<std::string> fieldsUsed; ///< citizen attributes the form took from the card
    std::string idNumber;                ///< hashed on append, never written; empty when unknown
};

/// One line of the log as written: the entry (ID hashed) chained to the line before.
struct AuditRecord {
    std::uint64_t sequence = 0; ///< 1, 2, 3, ... in file order
    std::string time;
    std::string counterId;
    std::string clerkId;
    std::string procedure;
    std::string outcome;
    std::vector<std::string> fieldsUsed;
    std::string idHash;       ///< HMAC-SHA-256 of the ID number under the installation's key
    std::string previousHash; ///< the hash of the line before; 64 zeros for the first
    std::string hash;         ///< SHA-256 of this record without this field
};

/// What checking a log found.
struct AuditVerification {
    bool intact = false;
    std::size_t records = 0;
    std::optional<std::size_t> firstBadLine; ///< 1-based
    std::string problem; ///< "edited", "removed or reordered", "truncated", "malformed", ...
};

/// An append-only, hash-chained audit log (JSON Lines): each record holds the hash of the one
/// before, so editing, removing or reordering any record breaks the chain from there on. A
/// separate head file holds the count and the last hash, so that cutting records off the end
/// is seen too (removing both is not: keep the head on another medium where that matters).
class AuditLog {
public:
    /// The log at `file` (created on first append) and the installation's secret key for the
    /// ID hashes (see loadOrCreateKey).
    AuditLog(std::filesystem::path file, SecureBytes idKey);

    /// Appends and flushes one record; throws Error(Io) when it cannot be written and
    /// Error(MalformedData) when the existing log's last line does not parse.
    AuditRecord append(const AuditEntry& entry);

    /// The keyed hash written for an ID number (lets an auditor with the key check "was this
    /// citizen served here" without the log holding the number).
    [[nodiscard]] std::string idHash(std::string_view idNumber) const;

    /// Checks a log and its head file.
    [[nodiscard]] static AuditVerification verify(const std::filesystem::path& file);

    /// Every record of a log, in order; throws Error(MalformedData) on a line that does not parse.
    [[nodiscard]] static std::vector<AuditRecord> read(const std::filesystem::path& file);

    /// The 32-byte key in `keyFile`, created (mode 0600) with fresh random bytes if absent.
    [[nodiscard]] static SecureBytes loadOrCreateKey(const std::filesystem::path& keyFile);

    /// The head file that goes with a log: `<file>.head`.
    [[nodiscard]] static std::filesystem::path headFile(const std::filesystem::path& file);

private:
    std::filesystem::path m_file;
    SecureBytes m_idKey;
};

} // namespace cccd::kiosk
