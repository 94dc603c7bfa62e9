#include "reader/ChipAuthenticity.h"

#include "base/Error.h"
#include "base/Log.h"
#include "lds/Dg14.h"
#include "lds/Dg15.h"
#include "verify/ActiveAuthentication.h"
#include "verify/ChipAuthentication.h"

namespace cccd::reader {

namespace {

constexpr std::string_view LogCategory = "reader";

// A data group that does not parse offers nothing; Document reports it as a parse issue.
template <typename File> std::optional<File> parsed(const CardReadout& readout, int dg) {
    auto it = readout.dataGroups.find(dg);
    if (it == readout.dataGroups.end()) {
        return std::nullopt;
    }
    try {
        return File::parse(it->second);
    } catch (const Error&) {
        return std::nullopt;
    }
}

bool offersChipAuthentication(const lds::SecurityInfos& dg14) {
    verify::ChipAuthenticationOffer offer = verify::chooseChipAuthentication(dg14);
    return offer.choice || offer.status != verify::ChipAuthenticationStatus::NotOffered;
}

} // namespace

void authenticateChip(sm::SecureMessagingChannel& channel, CardReadout& readout,
                      const ReadOptions& options) {
    const bool mappingProved =
        readout.chipAuthenticationMapping && readout.chipAuthenticationMapping->passed();
    // DG14 offers Chip Authentication when it has a key or announces it (an announcement
    // without a usable key is DG14's error, which the Chip Authentication result reports).
    std::optional<lds::Dg14> dg14 = parsed<lds::Dg14>(readout, 14);
    if (!mappingProved && dg14 && offersChipAuthentication(dg14->securityInfos)) {
        readout.chipAuthentication =
            verify::performChipAuthentication(channel, dg14->securityInfos, options.random);
        log(LogLevel::Info, LogCategory,
            std::string("Chip Authentication: ") + std::string(verify::chipAuthenticationStatusName(
                                                       readout.chipAuthentication->status)));
        if (!readout.chipAuthentication->passed()) {
            return; // a possible clone already; the session may not survive another command
        }
    }
    // Chip Authentication and PACE-CAM prove the chip but sign nothing the caller chose. A
    // caller's challenge (a server's nonce) gets the chip's signature over it as well, so that
    // the read cannot be a replay of an earlier one (ICAO 9303-11 §6.1).
    const bool chipProved = mappingProved || readout.chipAuthentication.has_value();
    if (chipProved && options.activeAuthenticationChallenge.empty()) {
        return;
    }
    std::optional<lds::Dg15> dg15 = parsed<lds::Dg15>(readout, 15);
    if (!dg15) {
        return;
    }
    const lds::SecurityInfos* infos = dg14 ? &dg14->securityInfos : nullptr;
    readout.activeAuthentication =
        options.activeAuthenticationChallenge.empty()
            ? verify::performActiveAuthentication(channel, &*dg15, infos, options.random)
            : verify::performActiveAuthentication(channel, &*dg15, infos,
                                                  options.activeAuthenticationChallenge);
    log(LogLevel::Info, LogCategory,
        std::string("Active Authentication: ") + std::string(verify::activeAuthenticationStatusName(
                                                     readout.activeAuthentication->status)));
}

} // namespace cccd::reader
