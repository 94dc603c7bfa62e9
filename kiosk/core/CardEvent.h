#pragma once

#include <functional>
#include <memory>
#include <string>
#include <variant>

#include "base/Error.h"
#include "reader/Document.h"
#include "reader/ReadProgress.h"

namespace cccd::kiosk {

/// A card came into the reader's field.
struct CardPresent {
    std::string reader;
};

/// The card left the field (at any time: before, during or after a read).
struct CardRemoved {};

/// The reader itself disappeared (unplugged, driver gone).
struct ReaderUnplugged {};

/// One READ BINARY went through.
struct ReadProgressed {
    reader::ReadProgress progress;
    /// The read continues one that broke off (the card left the field, the link failed): the
    /// files finished then are not reported again, and the file under way is taken up where
    /// it stopped. False for a read that starts afresh.
    bool resumed = false;
};

/// The read finished: the card's files, parsed and checked. Personal data.
struct ReadDone {
    std::shared_ptr<reader::Document> document;
};

/// The read stopped; the code says why (AccessDenied, CardRemoved, Timeout, ...).
struct ReadFailed {
    ErrorCode code = ErrorCode::Transport;
};

/// What a CardService reports, in the order it happened.
using CardEvent =
    std::variant<CardPresent, CardRemoved, ReaderUnplugged, ReadProgressed, ReadDone, ReadFailed>;

/// Receives the events; may be called from the service's worker thread, so the receiver hands
/// them to the thread that owns the workflow (a queued call in Qt, CardEventQueue elsewhere).
using CardEventSink = std::function<void(CardEvent)>;

} // namespace cccd::kiosk
