#pragma once

#include "kiosk/core/workflow/WorkflowState.h"

namespace cccd::kiosk {

/// The form, prefilled from the chip (read-only); the clerk completes the rest
/// (Workflow::setField). "Next" goes to output only when no problem is left.
class FillingForm : public WorkflowState {
public:
    [[nodiscard]] WorkflowStep step() const override { return WorkflowStep::FillingForm; }

    StatePtr onProceed(WorkflowContext& context) override;
    StatePtr onBack(WorkflowContext& context) override;
};

} // namespace cccd::kiosk
