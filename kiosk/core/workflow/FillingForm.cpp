#include "kiosk/core/workflow/FillingForm.h"

#include "kiosk/core/workflow/ChoosingProcedure.h"
#include "kiosk/core/workflow/Output.h"

namespace cccd::kiosk {

StatePtr FillingForm::onProceed(WorkflowContext& context) {
    if (!context.session.form || !context.session.form->problems().empty()) {
        return nullptr;
    }
    return std::make_unique<Output>();
}

StatePtr FillingForm::onBack(WorkflowContext& context) {
    context.session.wipeForm();
    context.procedure.clear();
    context.fieldsUsed.clear();
    return std::make_unique<ChoosingProcedure>();
}

} // namespace cccd::kiosk
