#pragma once

#include <string>

#include "pcsc/PcscContext.h"
#include "reader/CardReader.h"

namespace cccd::samples {

/// What cccd-read does when the card leaves the reader mid-read.
struct ResumeOptions {
    bool resume = true;      ///< false (--no-resume): the read ends with the removal
    double waitSeconds = 30; ///< how long to wait for the card to come back
    bool progress = false;   ///< say on standard error when the card is back
    const reader::CancelFlag* cancel = nullptr; ///< ends the wait (Ctrl-C)
};

/// Reads the card in `readerName`; when it leaves mid-read and comes back, goes on with the
/// same reader::ReadState in a new session (the user is asked on standard error, without
/// personal data). The card put back must be the one the read began on: another ATR ends the
/// read with Error(CardRemoved), and a card of the same model either does not open with the
/// key (Error(AccessDenied)) or fails the checks of reader::interpret (ReadState.h).
[[nodiscard]] reader::CardReadout readResuming(const pcsc::PcscContext& context,
                                               const std::string& readerName,
                                               const reader::AccessKey& key,
                                               reader::ReadOptions options,
                                               const ResumeOptions& resume);

} // namespace cccd::samples
