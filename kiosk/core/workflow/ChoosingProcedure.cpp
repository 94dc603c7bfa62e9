#include "kiosk/core/workflow/ChoosingProcedure.h"

#include "kiosk/core/workflow/FillingForm.h"

namespace cccd::kiosk {

StatePtr ChoosingProcedure::onChoose(WorkflowContext& context, const FormDefinition& form) {
    SessionData& session = context.session;
    if (session.form) {
        session.form->wipe();
    }
    session.form = std::make_unique<FilledForm>(form, session.citizen);
    context.procedure = form.id;
    context.fieldsUsed = session.form->chipAttributesUsed();
    return std::make_unique<FillingForm>();
}

} // namespace cccd::kiosk
