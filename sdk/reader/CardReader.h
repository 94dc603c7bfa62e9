#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crypto/Random.h"
#include "mrz/MrzKey.h"
#include "reader/AccessKey.h"
#include "reader/ChipAccess.h"
#include "reader/ChipAuthenticationMapping.h"
#include "reader/ReadProgress.h"
#include "transport/CardChannel.h"
#include "verify/ActiveAuthenticationResult.h"
#include "verify/ChipAuthenticationResult.h"

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
    AccessPolicy accessPolicy = AccessPolicy::Auto;
    /// Prove the chip after the read: after PACE with Chip Authentication Mapping, read
    /// EF.CardSecurity and check the chip's key against it; unless that proved the chip, Chip
    /// Authentication (DG14) or else Active Authentication (DG15).
    bool authenticateChip = true;
    /// The 8-byte Active Authentication challenge, e.g. a server's nonce so that the signature
    /// proves this very read (ICAO 9303-11 §6.1); empty: drawn from random.
    Bytes activeAuthenticationChallenge;
};

/// A file listed in EF.COM that was not read, and why.
struct SkippedFile {
    int dataGroup = 0;
    std::string reason; ///< "access_denied" (e.g. DG3 without EAC), "not_found", "not_requested"
};

/// The raw files of one card session. Parsing and verification come after, from these bytes.
struct CardReadout {
    AccessOutcome access;
    Bytes atr;
    bool extendedLength = false;
    Bytes efCardAccess; ///< empty when the card has none (BAC only) or the policy is BacOnly
    /// Read after PACE with Chip Authentication Mapping; empty otherwise, or when the card did
    /// not give it.
    Bytes efCardSecurity;
    Bytes efCom;
    Bytes efSod;
    std::map<int, Bytes> dataGroups; ///< DG number -> file contents
    std::vector<SkippedFile> skipped;
    std::size_t readBinaryCommands = 0;
    /// Set when PACE ran with Chip Authentication Mapping (and authenticateChip): its check
    /// against EF.CardSecurity (ICAO 9303-11 §4.4.3.5.2). When it passed, neither Chip nor
    /// Active Authentication runs.
    std::optional<ChipAuthenticationMappingResult> chipAuthenticationMapping;
    /// Set when DG14 offered Chip Authentication and it ran.
    std::optional<verify::ChipAuthenticationResult> chipAuthentication;
    /// Set when Active Authentication ran (DG15 read, no Chip Authentication offered).
    std::optional<verify::ActiveAuthenticationResult> activeAuthentication;
};

/// Reads a card (ICAO 9303-10/-11, cccd.md §7): EF.CardAccess, SELECT of the eMRTD application
/// without selecting the MF first (the Vietnamese card answers 6D00 to SELECT MF), PACE or BAC
/// by options.accessPolicy, then EF.COM, EF.SOD and the data groups under secure messaging.
/// After PACE with Chip Authentication Mapping, EF.CardSecurity is read last and the chip's key
/// checked against it (ICAO 9303-11 §4.4.3.5).
/// Throws Error(AccessDenied) for a key that does not open the card, Error(NotSupported) when
/// the key and the card's protocols do not meet (a CAN for a BAC-only card, BAC for a card
/// without it), Error(Cancelled), Error(CardRemoved) and other typed errors.
[[nodiscard]] CardReadout readCard(transport::CardChannel& channel, const AccessKey& key,
                                   const ReadOptions& options);

/// readCard with the MRZ key alone.
[[nodiscard]] CardReadout readCard(transport::CardChannel& channel, const mrz::MrzKey& key,
                                   const ReadOptions& options);

} // namespace cccd::reader
