#include "kiosk/core/workflow/ObtainingKey.h"

#include "kiosk/core/workflow/Reading.h"

namespace cccd::kiosk {

StatePtr ObtainingKey::onKeyGiven(WorkflowContext& context) {
    return startReading(context);
}

} // namespace cccd::kiosk
