#include "kiosk/core/workflow/ReadInterrupted.h"

#include "kiosk/core/workflow/Reading.h"

namespace cccd::kiosk {

StatePtr ReadInterrupted::onCardPresent(WorkflowContext& context) {
    return startReading(context, std::move(m_progress));
}

} // namespace cccd::kiosk
