#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reader/CardReader.h"

namespace cccd::evidence {

/// The bundle's format identifier and version (docs/evidence-bundle.md). The version changes
/// with any change a reader of the previous one would misread; readers refuse other versions.
inline constexpr std::string_view BundleFormat = "cccd-evidence-bundle";
inline constexpr int BundleVersion = 1;

/// The largest bundle text a reader accepts: far above a card's files (DG2 of a few tens of
/// kilobytes, in base64), low enough that a hostile file cannot exhaust memory.
inline constexpr std::size_t MaxBundleSize = 16 * 1024 * 1024;

/// The version of this SDK, as bundles record it ("0.1.0").
[[nodiscard]] std::string_view sdkVersion();

/// What a card read produced and what a later check without the card needs, and nothing more:
/// the raw files, how the chip was opened (protocol names, never the key), the chip's proofs as
/// they were recorded. Holds personal data (the data groups): never log it.
struct EvidenceBundle {
    int version = BundleVersion;
    std::string readTime;   ///< UTC, ISO 8601 to the second, e.g. "2026-12-05T09:12:13Z"
    std::string sdkVersion; ///< of the SDK that read the card
    /// The files, skipped files and chip proofs of the read. The access outcome keeps the
    /// protocol and PACE parameters only; mrzKey, the session counters and PK_IC stay empty.
    reader::CardReadout readout;
    /// Data groups the read brought that the caller chose to leave out of the bundle: a
    /// re-verification reports them as not requested, not as withheld by the card.
    std::vector<int> leftOut;
};

struct BundleOptions {
    /// The data groups to keep, e.g. {1, 13, 14, 15} without the portrait; nullopt: every data
    /// group read. A number the read did not bring is ignored.
    std::optional<std::vector<int>> dataGroups;
    /// When the card was read.
    std::chrono::system_clock::time_point readTime = std::chrono::system_clock::now();
};

/// The bundle of a read. Copies only what the format holds: no access key, no session key.
[[nodiscard]] EvidenceBundle makeBundle(const reader::CardReadout& readout,
                                        const BundleOptions& options = {});

/// The bundle as UTF-8 JSON (docs/evidence-bundle.md), bytes in base64.
[[nodiscard]] std::string serializeBundle(const EvidenceBundle& bundle);

/// Reads a bundle written by serializeBundle. Throws Error(MalformedData) for text that is not
/// such a bundle (bad JSON, a member missing or of the wrong type, bad base64, an unknown file
/// name, too large), Error(NotSupported) for another format version.
[[nodiscard]] EvidenceBundle parseBundle(std::string_view text);

/// "2026-12-05T09:12:13Z".
[[nodiscard]] std::string isoUtc(std::chrono::system_clock::time_point time);

} // namespace cccd::evidence
