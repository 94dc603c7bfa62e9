#include "kiosk/core/workflow/Failed.h"

#include "kiosk/core/workflow/ObtainingKey.h"
#include "kiosk/core/workflow/Reading.h"
#include "kiosk/core/workflow/WaitingForCard.h"

namespace cccd::kiosk {

StatePtr failWith(WorkflowContext& context, FailureReason reason) {
    context.outcome = std::string(failureName(reason));
    context.session.wipeCardData();
    return std::make_unique<Failed>(reason);
}

StatePtr Failed::onKeyGiven(WorkflowContext& context) {
    return context.cardPresent ? startReading(context) : nullptr;
}

StatePtr Failed::onCardPresent(WorkflowContext& context) {
    // The reader is back with a card, or a new card came: a new session.
    context.endSession(failureName(m_reason));
    context.openSession();
    return std::make_unique<ObtainingKey>();
}

StatePtr Failed::onAcknowledge(WorkflowContext& context) {
    context.endSession(failureName(m_reason));
    if (context.cardPresent) {
        context.openSession();
        return std::make_unique<ObtainingKey>();
    }
    return std::make_unique<WaitingForCard>();
}

} // namespace cccd::kiosk
