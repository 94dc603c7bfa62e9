#include "reader/CardReader.h"

#include <algorithm>

#include "base/Error.h"
#include "base/Log.h"
#include "lds/CardAccess.h"
#include "lds/EfCom.h"
#include "lds/ElementaryFile.h"
#include "lds/Sod.h"
#include "reader/Application.h"
#include "reader/CardAccessFile.h"
#include "reader/CardSecurityFile.h"
#include "reader/ChipAuthenticity.h"
#include "reader/FileReader.h"
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

// The union of EF.COM's tag list and EF.SOD's hash list (a SOD that does not parse adds
// nothing here; Passive Authentication reports it).
std::vector<int> dataGroupsToRead(ByteView efCom, ByteView efSod) {
    std::vector<int> out = lds::EfCom::parse(efCom).dataGroups;
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

// EF.CardAccess and its SecurityInfos; nullopt when the card has none. A file that is there but
// is garbled cannot run PACE, and using BAC instead would let whoever garbled it downgrade the
// session: that is an error unless the caller's policy allows BAC after PACE (TR-03105-5.1
// ISO7816_G_27 expects the inspection to fail). paceFailure says why when BAC is allowed.
std::optional<lds::SecurityInfos> cardAccessOf(transport::CardChannel& channel,
                                               const ReadOptions& options, Bytes& file,
                                               std::string& paceFailure) {
    try {
        file = readCardAccess(channel, options.cancel);
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

void logExtendedLength(bool extendedLength) {
    log(LogLevel::Info, "reader",
        extendedLength ? "eMRTD application selected; extended-length APDUs"
                       : "eMRTD application selected; short APDUs");
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
    CardReadout out;
    out.atr = channel.atr();
    std::optional<lds::SecurityInfos> cardAccess;
    std::string cardAccessFailure;
    if (options.accessPolicy != AccessPolicy::BacOnly) {
        cardAccess = cardAccessOf(channel, options, out.efCardAccess, cardAccessFailure);
    }

    std::optional<bool> extendedLength; // nullopt: the application opens after PACE
    try {
        extendedLength = selectApplication(channel, options.extendedLength);
    } catch (const Error& e) {
        if (!applicationNeedsPace(e, cardAccess)) {
            throw;
        }
        log(LogLevel::Info, "reader", "the application opens after PACE: PACE on the MF first");
    }

    OpenedChip opened = openChip(channel, cardAccess, key, options.accessPolicy, options.random);
    out.access = std::move(opened.outcome);
    if (!cardAccessFailure.empty()) {
        out.access.paceFailure = cardAccessFailure;
    }
    std::optional<access::PaceResult> mapping = std::move(opened.chipAuthenticationMapping);
    sm::SecureMessagingChannel secure(channel, std::move(opened.keys));
    if (!extendedLength) {
        extendedLength = selectApplication(secure, options.extendedLength);
    }
    out.extendedLength = *extendedLength;
    logExtendedLength(out.extendedLength);

    FileReader files(secure, out.extendedLength, options.onProgress, options.cancel);

    FileReader::Result com = files.read(lds::fileId(lds::ElementaryFile::Com), "EF.COM");
    if (com.outcome != FileReader::Outcome::Read) {
        throw Error(ErrorCode::CardStatus, "EF.COM cannot be read", com.sw);
    }
    out.efCom = std::move(com.content);

    // EF.SOD comes before the data groups: its hash list is signed, EF.COM's list is not, and a
    // data group either one names is read (so a hashed DG missing from EF.COM is still checked).
    FileReader::Result sod = files.read(lds::fileId(lds::ElementaryFile::Sod), "EF.SOD");
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
        std::string name = "DG" + std::to_string(dg);
        FileReader::Result r = files.read(lds::fileId(lds::dataGroup(dg)), name);
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

    // PACE-CAM (ICAO 9303-11 §4.4.3.5): the chip proved a static key during PACE; the key is
    // in EF.CardSecurity, read last so that nothing the MF detour does can cost the data.
    bool chipCommandsPossible = true;
    if (mapping && options.authenticateChip) {
        CardSecurityRead cardSecurity = readCardSecurity(secure, files);
        chipCommandsPossible = cardSecurity.applicationSelected;
        out.chipAuthenticationMapping =
            checkChipAuthenticationMapping(*mapping, out.access.paceParameterId, cardSecurity);
        out.efCardSecurity = std::move(cardSecurity.file);
        log(LogLevel::Info, "reader",
            std::string("PACE-CAM chip key: ") + std::string(chipAuthenticationMappingStatusName(
                                                     out.chipAuthenticationMapping->status)));
    }

    out.readBinaryCommands = files.readCommands();
    bool chipProved = out.chipAuthenticationMapping && out.chipAuthenticationMapping->passed();
    if (options.authenticateChip && !chipProved && chipCommandsPossible) {
        authenticateChip(secure, out, options);
    }
    return out;
}

} // namespace cccd::reader
