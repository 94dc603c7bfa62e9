#include "kiosk/core/workflow/WorkflowState.h"

#include "kiosk/core/workflow/Failed.h"
#include "kiosk/core/workflow/WaitingForCard.h"

namespace cccd::kiosk {

StatePtr WorkflowState::onCardRemoved(WorkflowContext& context) {
    context.endSession("card_removed");
    return std::make_unique<WaitingForCard>();
}

StatePtr WorkflowState::onReaderUnplugged(WorkflowContext& context) {
    return failWith(context, FailureReason::ReaderUnplugged);
}

StatePtr WorkflowState::onIdle(WorkflowContext& context) {
    context.endSession("timeout");
    return std::make_unique<WaitingForCard>();
}

} // namespace cccd::kiosk
