#include "kiosk/core/workflow/WorkflowState.h"

#include "kiosk/core/workflow/Failed.h"
#include "kiosk/core/workflow/WaitingForCard.h"

namespace cccd::kiosk {

StatePtr WorkflowState::onCardRemoved(WorkflowContext& context) {
    context.endSession("card_removed");
    return std::make_unique<WaitingForCard>();
}

StatePtr WorkflowState::onReaderUnplugged(WorkflowContext& context) {
    // The card went with the reader: the session ends here, as on removal, and the screen says
    // what to plug back. Nothing of the citizen waits for the reader's return.
    StatePtr failed = failWith(context, FailureReason::ReaderUnplugged);
    context.endSession(failureName(FailureReason::ReaderUnplugged));
    return failed;
}

StatePtr WorkflowState::onIdle(WorkflowContext& context) {
    context.endSession("timeout");
    return std::make_unique<WaitingForCard>();
}

} // namespace cccd::kiosk
