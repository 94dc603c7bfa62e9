#pragma once

#include "kiosk/core/workflow/WorkflowState.h"

namespace cccd::kiosk {

/// The complete form goes out: printed, saved as PDF, exported as JSON or posted (the
/// embedder does it with kiosk/core/output and Workflow::form()). "Next" finishes the session.
class Output : public WorkflowState {
public:
    [[nodiscard]] WorkflowStep step() const override { return WorkflowStep::Output; }

    StatePtr onProceed(WorkflowContext& context) override;
    StatePtr onBack(WorkflowContext& context) override;
};

} // namespace cccd::kiosk
