#pragma once

#include "kiosk/core/workflow/WorkflowState.h"

namespace cccd::kiosk {

/// The identity checked: portrait, every DG13 field and the badges (SessionData::badges).
class Verified : public WorkflowState {
public:
    [[nodiscard]] WorkflowStep step() const override { return WorkflowStep::Verified; }

    StatePtr onProceed(WorkflowContext& context) override;
};

/// Takes the citizen record and the portrait from the session's document and goes to Verified.
[[nodiscard]] StatePtr acceptIdentity(WorkflowContext& context);

} // namespace cccd::kiosk
