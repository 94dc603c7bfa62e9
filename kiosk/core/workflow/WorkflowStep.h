#pragma once

#include <string_view>

namespace cccd::kiosk {

/// The steps of a counter session (one class each under kiosk/core/workflow).
enum class WorkflowStep {
    WaitingForCard,
    ObtainingKey,
    Reading,
    ReadInterrupted, ///< the card left mid-read: put it back and the read starts again
    Verified,
    ChoosingProcedure,
    FillingForm,
    Output,
    Finished,
    Failed, ///< see Workflow::failure() for the cause and the remedy
};

/// "waiting_for_card", "obtaining_key", ...
[[nodiscard]] std::string_view workflowStepName(WorkflowStep step);

} // namespace cccd::kiosk
