#pragma once

#include "kiosk/core/workflow/WorkflowState.h"

namespace cccd::kiosk {

/// The card left mid-read: "put it back". When a card is present again the read starts over
/// on the new session with the same key (a new session needs new secure messaging keys).
class ReadInterrupted : public WorkflowState {
public:
    [[nodiscard]] WorkflowStep step() const override { return WorkflowStep::ReadInterrupted; }

    StatePtr onCardPresent(WorkflowContext& context) override;

    StatePtr onCardRemoved(WorkflowContext&) override { return nullptr; }
};

} // namespace cccd::kiosk
