#pragma once

#include "kiosk/core/workflow/WorkflowState.h"

namespace cccd::kiosk {

/// Done and wiped: "take your card". The next card starts a new session.
class Finished : public WorkflowState {
public:
    [[nodiscard]] WorkflowStep step() const override { return WorkflowStep::Finished; }

    StatePtr onCardPresent(WorkflowContext& context) override;
    StatePtr onCardRemoved(WorkflowContext& context) override;
    StatePtr onAcknowledge(WorkflowContext& context) override;
    StatePtr onIdle(WorkflowContext& context) override;
};

} // namespace cccd::kiosk
