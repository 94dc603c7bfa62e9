#include "kiosk/core/workflow/WaitingForCard.h"

#include "kiosk/core/workflow/ObtainingKey.h"
#include "kiosk/core/workflow/Reading.h"

namespace cccd::kiosk {

StatePtr WaitingForCard::onKeyGiven(WorkflowContext& context) {
    context.openSession();
    // The card may already lie there (the session before ended while it stayed).
    return context.cardPresent ? startReading(context) : nullptr;
}

StatePtr WaitingForCard::onCardPresent(WorkflowContext& context) {
    context.openSession();
    if (context.session.key) {
        return startReading(context);
    }
    return std::make_unique<ObtainingKey>();
}

StatePtr WaitingForCard::onCardRemoved(WorkflowContext&) {
    return nullptr;
}

} // namespace cccd::kiosk
