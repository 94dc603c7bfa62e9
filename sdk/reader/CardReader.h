#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "crypto/Random.h"
#include "mrz/MrzKey.h"
#include "reader/AccessKey.h"
#include "reader/CapabilityCache.h"
#include "reader/ChipAccess.h"
#include "reader/ChipAuthenticationMapping.h"
#include "reader/ReadProgress.h"
#include "reader/ReadState.h"
#include "transport/CardChannel.h"
#include "transport/ReaderLimits.h"
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
    /// Set from another thread to stop the read: no further APDU goes out, and on a channel that
    /// can stop waiting (PC/SC, the emulator) one on its way is abandoned at once. The read
    /// throws Error(Cancelled); the channel stays usable for the next read.
    const CancelFlag* cancel = nullptr;
    crypto::RandomSource random = crypto::systemRandom();
    ExtendedLengthMode extendedLength = ExtendedLengthMode::Auto;
    AccessPolicy accessPolicy = AccessPolicy::Auto;
    /// Prove the chip after the read: after PACE with Chip Authentication Mapping, read
    /// EF.CardSecurity and check the chip's key against it; unless that proved the chip, Chip
    /// Authentication (DG14) or else Active Authentication (DG15).
    bool authenticateChip = true;
    /// The 8-byte Active Authentication challenge, e.g. a server's nonce so that the signature
    /// proves this very read (ICAO 9303-11 §6.1); empty: drawn from random. When set, Active
    /// Authentication runs (the chip has DG15) even after Chip Authentication or PACE-CAM
    /// proved the chip, since neither signs anything the caller chose.
    Bytes activeAuthenticationChallenge;
    /// A resumable read (ReadState.h): what earlier attempts on this card gathered, and where
    /// this one records its progress. nullptr: the read starts afresh and keeps nothing.
    ReadState* state = nullptr;
    /// Limits of the reader the caller knows (settings), on top of those the channel reports:
    /// short APDUs only, the largest response APDU. READ BINARY then asks for no more than the
    /// secure-messaging-wrapped answer fits in.
    transport::ReaderLimits readerLimits;
    /// Where reads keep what they learn per card type and reader (extended length refused, the
    /// READ BINARY length the card takes), so that the next read of such a card starts with the
    /// working settings and sends no APDU that fails. Owned by the caller; may be shared between
    /// threads. nullptr: every read finds out on its own.
    CapabilityCache* capabilityCache = nullptr;
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
    Bytes efAtrInfo;    ///< EF.ATR/INFO; empty when the card has none
    Bytes efCardAccess; ///< empty when the card has none (BAC only) or the policy is BacOnly
    /// Read after PACE with Chip Authentication Mapping; empty otherwise, or when the card did
    /// not give it.
    Bytes efCardSecurity;
    Bytes efCom;
    Bytes efSod;
    std::map<int, Bytes> dataGroups; ///< DG number -> file contents
    std::vector<SkippedFile> skipped;
    /// READ BINARY commands of every session of the read.
    std::size_t readBinaryCommands = 0;
    /// Sessions (BAC or PACE runs) the read took: 1, more when it resumed after the card left.
    /// access, extendedLength and the chip's proof are the last session's.
    std::size_t sessions = 1;
    /// How many times the chip left secure messaging mid-read (a plain 6CXX) and was opened
    /// again with the same protocol and key; 0 on a well-behaved card.
    std::size_t secureMessagingRecoveries = 0;
    /// The MRZ key DG1 must agree with: the one BAC opened the chip with (a QR candidate
    /// included), else the caller's AccessKey::mrz; nullopt when the caller gave none. Personal
    /// data, wiped with the readout.
    std::optional<mrz::MrzKey> mrzKey;
    /// Set when PACE ran with Chip Authentication Mapping (and authenticateChip): its check
    /// against EF.CardSecurity (ICAO 9303-11 §4.4.3.5.2). When it passed, Chip
    /// Authentication does not run, and Active Authentication only for the caller's challenge.
    std::optional<ChipAuthenticationMappingResult> chipAuthenticationMapping;
    /// Set when DG14 offered Chip Authentication and it ran.
    std::optional<verify::ChipAuthenticationResult> chipAuthentication;
    /// Set when Active Authentication ran (DG15 read, no Chip Authentication offered).
    std::optional<verify::ActiveAuthenticationResult> activeAuthentication;
};

/// Reads a card (ICAO 9303-10/-11, cccd.md §7): EF.CardAccess and EF.ATR/INFO (whose APDU
/// sizes bound every later command), SELECT of the eMRTD application
/// without selecting the MF first (the Vietnamese card answers 6D00 to SELECT MF), PACE or BAC
/// by options.accessPolicy, then EF.COM, EF.SOD and the data groups under secure messaging.
/// After PACE with Chip Authentication Mapping, EF.CardSecurity is read last and the chip's key
/// checked against it (ICAO 9303-11 §4.4.3.5). A chip that leaves secure messaging mid-read to
/// report a length is opened again the same way, at most twice per file (SessionRecovery).
/// Throws Error(AccessDenied) for a key that does not open the card, Error(NotSupported) when
/// the key and the card's protocols do not meet (a CAN for a BAC-only card, BAC for a card
/// without it), Error(Cancelled), Error(CardRemoved) and other typed errors.
///
/// With options.state, a read that fails (the card left the field, the link broke) can be
/// called again with the same state once the card is back, on a new channel: it goes on from
/// the last finished file and offset in a new session, without reading anything twice, and
/// returns the readout an uninterrupted read would have (ReadState.h). Against another card:
/// a different ATR throws Error(InvalidArgument) before any command; a card the access key
/// does not open throws Error(AccessDenied); a card of the same model that the key opens
/// (e.g. two cards with the same CAN) yields files that fail Passive Authentication (their
/// hashes are in the other card's EF.SOD) or a chip that fails Chip or Active Authentication
/// (its key is not the one DG14 or DG15 names), so the mix never verifies.
[[nodiscard]] CardReadout readCard(transport::CardChannel& channel, const AccessKey& key,
                                   const ReadOptions& options);

/// readCard with the MRZ key alone.
[[nodiscard]] CardReadout readCard(transport::CardChannel& channel, const mrz::MrzKey& key,
                                   const ReadOptions& options);

} // namespace cccd::reader
