#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crypto/Random.h"
#include "mrz/MrzKey.h"
#include "reader/ReadProgress.h"
#include "transport/CardChannel.h"

namespace cccd::reader {

enum class ExtendedLengthMode {
    Auto,  ///< when the reader accepts it and the card's ATR announces it
    Never, ///< short APDUs only
    Always ///< when the reader accepts it, whatever the ATR says
};

struct ReadOptions {
    /// Data groups to read; empty means every one EF.COM or EF.SOD names. A requested one that
    /// neither names is tried too (skipped as "not_found" when the card lacks it).
    std::vector<int> dataGroups;
    ProgressCallback onProgress;
    const CancelFlag* cancel = nullptr;
    crypto::RandomSource random = crypto::systemRandom();
    ExtendedLengthMode extendedLength = ExtendedLengthMode::Auto;
};

/// A file listed in EF.COM that was not read, and why.
struct SkippedFile {
    int dataGroup = 0;
    std::string reason; ///< "access_denied" (e.g. DG3 without EAC), "not_found", "not_requested"
};

/// The raw files of one card session. Parsing and verification come after, from these bytes.
struct CardReadout {
    std::string accessProtocol; ///< "BAC"
    Bytes atr;
    bool extendedLength = false;
    Bytes efCom;
    Bytes efSod;
    std::map<int, Bytes> dataGroups; ///< DG number -> file contents
    std::vector<SkippedFile> skipped;
    std::size_t readBinaryCommands = 0;
};

/// Reads a card (ICAO 9303-10/-11): SELECT the eMRTD application without selecting the MF
/// first (the Vietnamese card answers 6D00 to SELECT MF), open it with BAC, then read EF.COM,
/// the data groups it lists and EF.SOD under secure messaging. Throws Error(AccessDenied) for a
/// key that does not open the card, Error(Cancelled), Error(CardRemoved) and other typed errors.
[[nodiscard]] CardReadout readCard(transport::CardChannel& channel, const mrz::MrzKey& key,
                                   const ReadOptions& options);

} // namespace cccd::reader
