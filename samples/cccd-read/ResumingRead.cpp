#include "ResumingRead.h"

#include <chrono>
#include <iostream>
#include <memory>

#include "base/Error.h"
#include "pcsc/PcscChannel.h"
#include "reader/ReadState.h"

namespace cccd::samples {

namespace {

// How often one read asks for its card back: a card that keeps leaving must not hold the
// user forever.
constexpr int MaxResumes = 10;

// The card left the reader, or another application reset it (PC/SC reports both as the card
// removed): the read can go on from its reader::ReadState once the card is back. After a
// resume, a connection that finds no card means it left again.
bool cardLeft(const Error& e, int resumes) {
    return e.code() == ErrorCode::CardRemoved || (resumes > 0 && e.code() == ErrorCode::NoCard);
}

// Waits for a card on the reader the read began on; a card that does not come back in time
// ends the read as the removal it is.
void waitForCardBack(const pcsc::PcscContext& context, const std::string& readerName,
                     const ResumeOptions& o) {
    std::cerr << (o.progress ? "\n" : "")
              << "cccd-read: the card left the reader before the read was complete: put it back "
                 "on the reader to continue (waiting up to "
              << o.waitSeconds << " s; Ctrl-C stops)\n";
    auto timeout = std::chrono::milliseconds(static_cast<long>(o.waitSeconds * 1000));
    try {
        (void)context.waitForCard(readerName, timeout, false, o.cancel);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::Timeout) {
            throw;
        }
        throw Error(ErrorCode::CardRemoved, "the card was not put back on the reader in time");
    }
    if (o.progress) {
        std::cerr << "Card back on the reader: continuing the read\n";
    }
}

} // namespace

reader::CardReadout readResuming(const pcsc::PcscContext& context, const std::string& readerName,
                                 const reader::AccessKey& key, reader::ReadOptions options,
                                 const ResumeOptions& o) {
    reader::ReadState state;
    options.state = !o.resume ? nullptr : &state;
    for (int resumes = 0;; ++resumes) {
        bool anotherCard = false;
        try {
            std::unique_ptr<pcsc::PcscChannel> channel = context.connect(readerName);
            anotherCard = !state.belongsTo(channel->atr());
            if (!anotherCard) {
                return reader::readCard(*channel, key, options);
            }
        } catch (const Error& e) {
            if (resumes > 0 && e.code() == ErrorCode::AccessDenied) {
                throw Error(ErrorCode::AccessDenied,
                            "the card put back does not open with the key the read began with: "
                            "is it the same card?");
            }
            if (!o.resume || !cardLeft(e, resumes) || resumes == MaxResumes) {
                throw;
            }
        }
        if (anotherCard) {
            throw Error(ErrorCode::CardRemoved,
                        "the card put back is not the one the read began on (another ATR): "
                        "nothing of it was read; run cccd-read again to read that card");
        }
        waitForCardBack(context, readerName, o);
    }
}

} // namespace cccd::samples
