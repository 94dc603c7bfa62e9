#include "kiosk/core/workflow/ReadInterrupted.h"

#include "kiosk/core/workflow/Reading.h"

namespace cccd::kiosk {

StatePtr ReadInterrupted::onCardPresent(WorkflowContext& context) {
    return startReading(context);
}

} // namespace cccd::kiosk
