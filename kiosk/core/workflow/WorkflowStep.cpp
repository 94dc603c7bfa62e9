#include "kiosk/core/workflow/WorkflowStep.h"

namespace cccd::kiosk {

std::string_view workflowStepName(WorkflowStep step) {
    switch (step) {
    case WorkflowStep::WaitingForCard:
        return "waiting_for_card";
    case WorkflowStep::ObtainingKey:
        return "obtaining_key";
    case WorkflowStep::Reading:
        return "reading";
    case WorkflowStep::ReadInterrupted:
        return "read_interrupted";
    case WorkflowStep::Verified:
        return "verified";
    case WorkflowStep::ChoosingProcedure:
        return "choosing_procedure";
    case WorkflowStep::FillingForm:
        return "filling_form";
    case WorkflowStep::Output:
        return "output";
    case WorkflowStep::Finished:
        return "finished";
    case WorkflowStep::Failed:
        return "failed";
    }
    return "failed";
}

} // namespace cccd::kiosk
