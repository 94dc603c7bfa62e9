#pragma once

#include "kiosk/core/workflow/WorkflowState.h"

namespace cccd::kiosk {

/// A card is on the reader; the kiosk needs what opens it: the QR from the camera or the
/// scanner, the 12-digit ID typed on the keypad (its last 6 digits are the CAN), or the
/// document number and dates as a last resort.
class ObtainingKey : public WorkflowState {
public:
    [[nodiscard]] WorkflowStep step() const override { return WorkflowStep::ObtainingKey; }

    [[nodiscard]] bool acceptsKey() const override { return true; }

    StatePtr onKeyGiven(WorkflowContext& context) override;
};

} // namespace cccd::kiosk
