#include "reader/CardReader.h"

#include <algorithm>

#include "access/Bac.h"
#include "apdu/Atr.h"
#include "base/Error.h"
#include "base/Log.h"
#include "lds/EfCom.h"
#include "lds/ElementaryFile.h"
#include "lds/Sod.h"
#include "reader/FileReader.h"
#include "sm/SecureMessagingChannel.h"
#include "transport/Send.h"

namespace cccd::reader {

namespace {

// ICAO 9303-10 §2.2: the LDS1 eMRTD application.
const Bytes EmrtdAid{0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};

apdu::CommandApdu selectApplicationCommand(bool extended) {
    return {0x00, 0xA4, 0x04, 0x0C, EmrtdAid, 0, extended};
}

bool atrDeniesExtendedLength(const transport::CardChannel& channel) {
    try {
        return apdu::parseAtr(channel.atr()).extendedLength == false;
    } catch (const Error&) {
        return false;
    }
}

// Selects the eMRTD application and learns whether extended-length APDUs pass. Few ATRs say
// (ISO/IEC 7816-4 §8.1.1.2.7) and few readers report their buffer size, so in automatic mode
// the SELECT itself is sent in extended form first: a card or reader that refuses it answers
// 6700 or fails the exchange, and the short form follows (ISO/IEC 7816-4 §5.1 allows either).
bool selectApplication(transport::CardChannel& channel, ExtendedLengthMode mode) {
    bool probe = mode == ExtendedLengthMode::Auto && channel.capabilities().extendedLength &&
                 !atrDeniesExtendedLength(channel);
    if (probe) {
        try {
            if (transport::send(channel, selectApplicationCommand(true)).isSuccess()) {
                return true;
            }
        } catch (const Error& e) {
            if (e.code() == ErrorCode::CardRemoved || e.code() == ErrorCode::ReaderUnplugged) {
                throw;
            }
            log(LogLevel::Info, "reader", "extended-length SELECT refused; using short APDUs");
        }
    }
    apdu::ResponseApdu r = transport::send(channel, selectApplicationCommand(false));
    if (!r.isSuccess()) {
        throw Error(ErrorCode::CardStatus, "the card has no eMRTD application", r.sw);
    }
    return mode == ExtendedLengthMode::Always && channel.capabilities().extendedLength;
}

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

} // namespace

CardReadout readCard(transport::CardChannel& channel, const mrz::MrzKey& key,
                     const ReadOptions& options) {
    for (int dg : options.dataGroups) {
        if (dg < 1 || dg > 16) {
            throw Error(ErrorCode::InvalidArgument, "data groups are numbered 1 to 16");
        }
    }
    CardReadout out;
    out.atr = channel.atr();
    out.extendedLength = selectApplication(channel, options.extendedLength);
    log(LogLevel::Info, "reader",
        out.extendedLength ? "eMRTD application selected; extended-length APDUs"
                           : "eMRTD application selected; short APDUs");

    sm::SessionKeys keys = access::performBac(channel, key.mrzInformationBytes(), options.random);
    out.accessProtocol = "BAC";
    sm::SecureMessagingChannel secure(channel, std::move(keys));
    log(LogLevel::Info, "reader", "access granted with BAC");

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

    out.readBinaryCommands = files.readCommands();
    return out;
}

} // namespace cccd::reader
