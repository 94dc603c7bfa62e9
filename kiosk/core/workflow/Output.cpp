#include "kiosk/core/workflow/Output.h"

#include "kiosk/core/workflow/FillingForm.h"
#include "kiosk/core/workflow/Finished.h"

namespace cccd::kiosk {

StatePtr Output::onProceed(WorkflowContext& context) {
    context.endSession("verified");
    return std::make_unique<Finished>();
}

StatePtr Output::onBack(WorkflowContext&) {
    return std::make_unique<FillingForm>();
}

} // namespace cccd::kiosk
