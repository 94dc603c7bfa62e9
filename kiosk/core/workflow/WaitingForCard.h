#pragma once

#include "kiosk/core/workflow/WorkflowState.h"

namespace cccd::kiosk {

/// Nothing on the reader. A QR scanned now is kept: the read starts as the card arrives.
class WaitingForCard : public WorkflowState {
public:
    [[nodiscard]] WorkflowStep step() const override { return WorkflowStep::WaitingForCard; }

    [[nodiscard]] bool acceptsKey() const override { return true; }

    StatePtr onKeyGiven(WorkflowContext& context) override;
    StatePtr onCardPresent(WorkflowContext& context) override;
    StatePtr onCardRemoved(WorkflowContext& context) override;
};

} // namespace cccd::kiosk
