#include "kiosk/core/workflow/Finished.h"

#include "kiosk/core/workflow/ObtainingKey.h"
#include "kiosk/core/workflow/WaitingForCard.h"

namespace cccd::kiosk {

StatePtr Finished::onCardPresent(WorkflowContext& context) {
    context.openSession();
    return std::make_unique<ObtainingKey>();
}

StatePtr Finished::onCardRemoved(WorkflowContext&) {
    return std::make_unique<WaitingForCard>();
}

StatePtr Finished::onAcknowledge(WorkflowContext&) {
    return std::make_unique<WaitingForCard>();
}

StatePtr Finished::onIdle(WorkflowContext&) {
    return std::make_unique<WaitingForCard>();
}

} // namespace cccd::kiosk
