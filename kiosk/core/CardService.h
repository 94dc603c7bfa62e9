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

    /// Reads the card now on the reader with `key` (a copy is kept for this read only).
    virtual void read(const reader::AccessKey& key) = 0;

    /// Stops a read in progress (it ends with ReadFailed(Cancelled)).
    virtual void cancelRead() = 0;
};

} // namespace cccd::kiosk
