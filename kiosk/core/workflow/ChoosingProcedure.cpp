#include "kiosk/core/workflow/ChoosingProcedure.h"

#include "kiosk/core/CurrentAddress.h"
#include "kiosk/core/workflow/FillingForm.h"

namespace cccd::kiosk {

StatePtr ChoosingProcedure::onChoose(WorkflowContext& context, const FormDefinition& form) {
    SessionData& session = context.session;
    session.wipeForm();
    session.form = std::make_unique<FilledForm>(form, session.citizen);
    // The card's addresses with today's units, as of today at the counter.
    if (context.config.addressUnits) {
        session.addresses =
            currentAddresses(*session.form, *context.config.addressUnits, {context.today()});
        applyCurrentAddresses(*session.form, session.addresses);
    }
    context.procedure = form.id;
    context.fieldsUsed = session.form->chipAttributesUsed();
    return std::make_unique<FillingForm>();
}

} // namespace cccd::kiosk
