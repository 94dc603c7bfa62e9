#include "reader/CardReader.h"

#include <algorithm>

#include "base/Error.h"
#include "base/Log.h"
#include "lds/AtrInfo.h"
#include "lds/CardAccess.h"
#include "lds/EfCom.h"
#include "lds/ElementaryFile.h"
#include "lds/Sod.h"
#include "reader/Application.h"
#include "reader/AtrInfoFile.h"
#include "reader/CardAccessFile.h"
#include "reader/CardSecurityFile.h"
#include "reader/ChipAuthenticity.h"
#include "reader/FileReader.h"
#include "reader/LimitedChannel.h"
#include "reader/SessionRecovery.h"
#include "sm/SecureMessagingChannel.h"
#include "verify/ActiveAuthentication.h"

namespace cccd::reader {

namespace {

// Citizen data first, the portrait after it, the security files last: a clerk sees the name
// while the portrait is still on its way.
std::vector<int> readingOrder(std::vector<int> listed) {
    auto rank = [](int dg) {
        switch (dg) {
        case 1:
            return 0;
        case 13:
            return 1;
        case 2:
            return 2;
        default:
            return 3 + dg;
        }
    };
    std::stable_sort(listed.begin(), listed.end(), [&](int a, int b) { return rank(a) < rank(b); });
    listed.erase(std::unique(listed.begin(), listed.end()), listed.end());
    return listed;
}

// The union of EF.COM's tag list and EF.SOD's hash list. A file that does not parse adds nothing
// here: EF.COM is not signed, so a garbled one must not stop the read of what EF.SOD names (the
// Document reports it as a parse issue); Passive Authentication reports a bad EF.SOD.
std::vector<int> dataGroupsToRead(ByteView efCom, ByteView efSod) {
    std::vector<int> out;
    try {
        out = lds::EfCom::parse(efCom).dataGroups;
    } catch (const Error&) {
        log(LogLevel::Warning, "reader", "EF.COM does not parse; reading EF.SOD's list only");
    }
    if (efSod.empty()) {
        return out;
    }
    try {
        lds::Sod sod = lds::Sod::parse(efSod);
        for (const auto& [dg, hash] : sod.ldsSecurityObject().dataGroupHashes) {
            out.push_back(dg);
        }
    } catch (const Error&) {
        log(LogLevel::Warning, "reader", "EF.SOD does not parse; reading EF.COM's list only");
    }
    return out;
}

// EF.CardAccess and its SecurityInfos; nullopt when the card has none. Read once per read: a
// resumed read takes the file as the first session found it. A file that is there but is
// garbled cannot run PACE, and using BAC instead would let whoever garbled it downgrade the
// session: that is an error unless the caller's policy allows BAC after PACE (TR-03105-5.1
// ISO7816_G_27 expects the inspection to fail). paceFailure says why when BAC is allowed.
std::optional<lds::SecurityInfos> cardAccessOf(transport::CardChannel& channel,
                                               const ReadOptions& options, ReadState& state,
                                               Bytes& file, std::string& paceFailure) {
    try {
        if (!state.cardAccess()) {
            state.setCardAccess(readCardAccess(channel, options.cancel));
        }
        file = *state.cardAccess();
        if (file.empty()) {
            return std::nullopt;
        }
        return lds::CardAccess::parse(file).securityInfos;
    } catch (const Error& e) {
        if (e.code() != ErrorCode::MalformedData) {
            throw;
        }
        if (options.accessPolicy != AccessPolicy::PaceThenBac) {
            throw Error(ErrorCode::MalformedData,
                        std::string("EF.CardAccess is garbled, so PACE cannot run: ") + e.what());
        }
        log(LogLevel::Warning, "reader", "EF.CardAccess is garbled; BAC as the policy allows");
        paceFailure = std::string(errorCodeName(e.code()));
        return std::nullopt;
    }
}

// BSI TR-03105-5.1 §5.7: a chip may refuse its application (6982) until PACE has run. PACE then
// runs first, on the MF, and the application is selected under secure messaging.
bool applicationNeedsPace(const Error& e, const std::optional<lds::SecurityInfos>& cardAccess) {
    constexpr std::uint16_t SecurityStatusNotSatisfied = 0x6982; // ISO/IEC 7816-4 §5.6
    return e.code() == ErrorCode::CardStatus && e.statusWord() == SecurityStatusNotSatisfied &&
           cardAccess && !cardAccess->paceInfos.empty();
}

// The key and protocol that opened the chip, to open it again the same way when it drops secure
// messaging mid-read: the BAC key that worked (no candidate is tried twice), PACE as it ran.
AccessKey keyThatOpened(const AccessKey& key, const AccessOutcome& outcome) {
    if (outcome.protocol != "BAC") {
        return key;
    }
    std::size_t tried = outcome.bacAttempts == 0 ? 0 : outcome.bacAttempts - 1;
    AccessKey out;
    if (key.mrz && tried == 0) {
        out.mrz = key.mrz;
    } else {
        out.mrz = key.bacCandidates.at(key.mrz ? tried - 1 : tried);
    }
    return out;
}

AccessPolicy policyThatOpened(const AccessOutcome& outcome) {
    return outcome.protocol == "BAC" ? AccessPolicy::BacOnly : AccessPolicy::PaceOnly;
}

// The sizes EF.ATR/INFO announces. A file that does not parse bounds nothing; the document
// reports it (a parse issue) and is not verified (BSI TR-03105-5.1 LDS_K_03, K_04).
std::optional<lds::ExtendedLengthInfo> announcedLimits(ByteView efAtrInfo) {
    if (efAtrInfo.empty()) {
        return std::nullopt;
    }
    try {
        return lds::AtrInfo::parse(efAtrInfo).extendedLength;
    } catch (const Error&) {
        log(LogLevel::Warning, "reader", "EF.ATR/INFO does not parse; its sizes are not used");
        return std::nullopt;
    }
}

// EF.ATR/INFO (empty when the card has none), as an earlier session read it or read now.
Bytes atrInfoOf(transport::CardChannel& channel, const ReadOptions& options, ReadState& state) {
    const std::string name = "EF.ATR/INFO";
    if (const ReadState::File* done = state.finished(name)) {
        return done->content;
    }
    Bytes file = readAtrInfo(channel, options.cancel);
    state.finish(name, {FileReader::Outcome::Read, file, 0x9000});
    return file;
}

void logExtendedLength(bool extendedLength) {
    log(LogLevel::Info, "reader",
        extendedLength ? "eMRTD application selected; extended-length APDUs"
                       : "eMRTD application selected; short APDUs");
}

void logResumption(const ReadState& state) {
    if (state.sessions() == 0) {
        return;
    }
    std::string text =
        "resuming the read in a new session: " + std::to_string(state.finishedFiles()) +
        " files finished";
    if (auto unfinished = state.unfinishedFile()) {
        text += ", " + unfinished->first + " from byte " + std::to_string(unfinished->second);
    }
    log(LogLevel::Info, "reader", text);
}

// Adds a session's READ BINARY commands and secure messaging recoveries to the read's counts,
// however the session ends.
class SessionTally {
public:
    SessionTally(ReadState& state, const FileReader& files, const SessionRecovery& session)
        : m_state(state), m_files(files), m_session(session) {}

    ~SessionTally() {
        m_state.addReadBinaryCommands(m_files.readCommands());
        m_state.addSecureMessagingRecoveries(m_session.recoveries());
    }

    SessionTally(const SessionTally&) = delete;
    SessionTally& operator=(const SessionTally&) = delete;

private:
    ReadState& m_state;
    const FileReader& m_files;
    const SessionRecovery& m_session;
};

// Watches the caller's cancel flag on the channel for the length of one read.
class CancelWatch {
public:
    CancelWatch(transport::CardChannel& channel, const CancelFlag* cancel) : m_channel(channel) {
        m_channel.watchCancel(cancel);
    }

    ~CancelWatch() { m_channel.watchCancel(nullptr); }

    CancelWatch(const CancelWatch&) = delete;
    CancelWatch& operator=(const CancelWatch&) = delete;

private:
    transport::CardChannel& m_channel;
};

// A file of the read: as an earlier session finished it, else read in this session, going on
// after the bytes an earlier one brought; either way recorded in the state.
FileReader::Result readFile(FileReader& files, ReadState& state, std::uint16_t fileId,
                            const std::string& name) {
    if (const ReadState::File* done = state.finished(name)) {
        return {done->outcome, done->content, done->sw};
    }
    FileReader::Result result = files.resume(fileId, name, state.unfinished(name));
    state.finish(name, result);
    return result;
}

// EF.COM, EF.SOD and the data groups, in the order a clerk wants them.
void readFiles(FileReader& files, ReadState& state, const ReadOptions& options, bool plain,
               CardReadout& out) {
    FileReader::Result com =
        readFile(files, state, lds::fileId(lds::ElementaryFile::Com), "EF.COM");
    if (plain && com.outcome == FileReader::Outcome::AccessDenied) {
        throw Error(ErrorCode::NotSupported,
                    "the card offers neither PACE nor BAC and refuses its files in plain", com.sw);
    }
    if (com.outcome != FileReader::Outcome::Read) {
        throw Error(ErrorCode::CardStatus, "EF.COM cannot be read", com.sw);
    }
    out.efCom = std::move(com.content);

    // EF.SOD comes before the data groups: its hash list is signed, EF.COM's list is not, and a
    // data group either one names is read (so a hashed DG missing from EF.COM is still checked).
    FileReader::Result sod =
        readFile(files, state, lds::fileId(lds::ElementaryFile::Sod), "EF.SOD");
    if (sod.outcome == FileReader::Outcome::Read) {
        out.efSod = std::move(sod.content);
    }

    // A data group the caller asks for by number is tried even when neither list names it: the
    // lists are not always complete (the BSI TR-03105-5 reference card holds an unlisted DG15).
    std::vector<int> candidates = dataGroupsToRead(out.efCom, out.efSod);
    candidates.insert(candidates.end(), options.dataGroups.begin(), options.dataGroups.end());
    for (int dg : readingOrder(std::move(candidates))) {
        bool wanted = options.dataGroups.empty() ||
                      std::find(options.dataGroups.begin(), options.dataGroups.end(), dg) !=
                          options.dataGroups.end();
        if (!wanted) {
            out.skipped.push_back({dg, "not_requested"});
            continue;
        }
        FileReader::Result r =
            readFile(files, state, lds::fileId(lds::dataGroup(dg)), "DG" + std::to_string(dg));
        switch (r.outcome) {
        case FileReader::Outcome::Read:
            out.dataGroups[dg] = std::move(r.content);
            break;
        case FileReader::Outcome::AccessDenied:
            out.skipped.push_back({dg, "access_denied"});
            break;
        case FileReader::Outcome::NotFound:
            out.skipped.push_back({dg, "not_found"});
            break;
        }
    }
}

// One session: the chip opened (again), then whatever the read still lacks, then the chip's
// proof. The files come from the state where earlier sessions finished them.
CardReadout readInSession(LimitedChannel& channel, const AccessKey& key, const ReadOptions& options,
                          ReadState& state) {
    logResumption(state);
    CardReadout out;
    out.atr = channel.atr();
    std::optional<lds::SecurityInfos> cardAccess;
    std::string cardAccessFailure;
    if (options.accessPolicy != AccessPolicy::BacOnly) {
        cardAccess = cardAccessOf(channel, options, state, out.efCardAccess, cardAccessFailure);
    }
    // EF.ATR/INFO, under the MF like EF.CardAccess: every command after it keeps to the sizes
    // it announces.
    out.efAtrInfo = atrInfoOf(channel, options, state);
    AnnouncedLimitsChannel link(channel, announcedLimits(out.efAtrInfo));

    std::optional<bool> extendedLength; // nullopt: the application opens after PACE
    try {
        extendedLength = selectApplication(link, options.extendedLength);
    } catch (const Error& e) {
        if (!applicationNeedsPace(e, cardAccess)) {
            throw;
        }
        log(LogLevel::Info, "reader", "the application opens after PACE: PACE on the MF first");
    }

    // A new session every time, resumed or not: new keys, the send sequence counter from its
    // start (ICAO 9303-11 §9.8.6.3); nothing of an earlier session is kept.
    OpenedChip opened = openChip(link, cardAccess, key, options.accessPolicy, options.random);
    state.addSession();
    out.access = std::move(opened.outcome);
    // The MRZ key DG1 must agree with: the one BAC opened the chip with, else the caller's.
    out.mrzKey = keyThatOpened(key, out.access).mrz;
    if (!cardAccessFailure.empty()) {
        out.access.paceFailure = cardAccessFailure;
    }
    std::optional<access::PaceResult> mapping = std::move(opened.chipAuthenticationMapping);
    sm::SecureMessagingChannel secure(link, std::move(opened.keys));
    // A chip that leaves secure messaging mid-read (a plain 6CXX, or 6987/6988 after a plain
    // error) is opened once more, the same way, and the read goes on (SessionRecovery).
    AccessKey reopenKey = keyThatOpened(key, out.access);
    AccessPolicy reopenPolicy = policyThatOpened(out.access);
    SessionRecovery session(secure, [&](sm::SecureMessagingChannel& resumed) {
        bool applicationFirst = true;
        try {
            reselectApplication(link);
        } catch (const Error& e) {
            if (!applicationNeedsPace(e, cardAccess)) {
                throw;
            }
            applicationFirst = false;
        }
        OpenedChip again = openChip(link, cardAccess, reopenKey, reopenPolicy, options.random);
        resumed.resume(std::move(again.keys));
        if (!applicationFirst) {
            reselectApplication(resumed);
        }
    });
    if (!extendedLength) {
        extendedLength = selectApplication(session, options.extendedLength);
    }
    out.extendedLength = *extendedLength;
    logExtendedLength(out.extendedLength);

    FileReader files(session, out.extendedLength, options.onProgress, options.cancel,
                     &channel.learned());
    SessionTally tally(state, files, session);
    readFiles(files, state, options, !secure.protecting(), out);

    // PACE-CAM (ICAO 9303-11 §4.4.3.5): the chip proved a static key during PACE; the key is
    // in EF.CardSecurity, read last so that nothing the MF detour does can cost the data. The
    // proof is this session's PACE, whichever session read the file.
    session.stop();
    out.secureMessagingRecoveries = state.secureMessagingRecoveries() + session.recoveries();
    bool chipCommandsPossible = true;
    if (mapping && options.authenticateChip) {
        CardSecurityRead cardSecurity = readCardSecurity(secure, files, state);
        chipCommandsPossible = cardSecurity.applicationSelected;
        out.chipAuthenticationMapping =
            checkChipAuthenticationMapping(*mapping, out.access.paceParameterId, cardSecurity);
        out.efCardSecurity = std::move(cardSecurity.file);
        log(LogLevel::Info, "reader",
            std::string("PACE-CAM chip key: ") + std::string(chipAuthenticationMappingStatusName(
                                                     out.chipAuthenticationMapping->status)));
    }

    if (options.authenticateChip && chipCommandsPossible) {
        authenticateChip(secure, out, options);
    }
    return out;
}

} // namespace

CardReadout readCard(transport::CardChannel& channel, const mrz::MrzKey& key,
                     const ReadOptions& options) {
    return readCard(channel, AccessKey::fromMrz(key), options);
}

CardReadout readCard(transport::CardChannel& channel, const AccessKey& key,
                     const ReadOptions& options) {
    for (int dg : options.dataGroups) {
        if (dg < 1 || dg > 16) {
            throw Error(ErrorCode::InvalidArgument, "data groups are numbered 1 to 16");
        }
    }
    if (!options.activeAuthenticationChallenge.empty() &&
        options.activeAuthenticationChallenge.size() != verify::ActiveAuthenticationChallengeSize) {
        throw Error(ErrorCode::InvalidArgument, "an Active Authentication challenge has 8 bytes");
    }
    ReadState scratch; // a read that cannot resume keeps its progress here, wiped at the end
    ReadState& state = options.state != nullptr ? *options.state : scratch;
    state.admit(channel.atr());

    // The read runs on the caller's channel within the stated limits and what the capability
    // cache knows of this card type; what it learns goes back to the cache, also when it fails.
    CapabilityCache* cache = options.capabilityCache;
    CapabilityCache::Key cacheKey =
        cache ? CapabilityCache::keyOf(channel) : CapabilityCache::Key{};
    CardCapabilities known =
        cache ? cache->find(cacheKey).value_or(CardCapabilities{}) : CardCapabilities{};
    LimitedChannel limited(channel, options.readerLimits, known, options.cancel);
    CancelWatch watch(channel, options.cancel);
    CardReadout out;
    try {
        out = readInSession(limited, key, options, state);
    } catch (const Error&) {
        if (cache) {
            cache->remember(cacheKey, limited.learned());
        }
        throw;
    }
    if (cache) {
        cache->remember(cacheKey, limited.learned());
    }
    out.readBinaryCommands = state.readBinaryCommands();
    out.sessions = state.sessions();
    state.clear(); // the read is complete: its files are in the readout
    return out;
}

} // namespace cccd::reader
