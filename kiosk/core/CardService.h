#pragma once

#include "kiosk/core/CardEvent.h"
#include "reader/AccessKey.h"

namespace cccd::kiosk {

/// The card side of the kiosk as the workflow sees it: reports readers and cards coming and
/// going and reads a card when asked. Implementations never block the caller: a read runs
/// elsewhere and ends with ReadDone or ReadFailed. Tests drive the workflow with their own.
class CardService {
public:
    virtual ~CardService() = default;

    /// Where events go from now on; set before start().
    virtual void setSink(CardEventSink sink) = 0;

    /// Starts watching the reader.
    virtual void start() = 0;

    /// Reads the card now on the reader with `key`. A service may keep what a read that broke
    /// off (the card left the field) gathered, and a copy of its key, so that the next read of
    /// that card with that key continues it; until then it keeps nothing of the read.
    virtual void read(const reader::AccessKey& key) = 0;

    /// Stops a read in progress (it ends with ReadFailed(Cancelled)).
    virtual void cancelRead() = 0;

    /// The citizen's session ended: whatever the service keeps of a card's read and key is
    /// wiped, and the next read starts afresh. Never blocks. The default is for services that
    /// keep nothing between reads.
    virtual void forgetCard() {}
};

} // namespace cccd::kiosk
