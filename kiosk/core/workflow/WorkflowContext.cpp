#include "kiosk/core/workflow/WorkflowContext.h"

#include <algorithm>

namespace cccd::kiosk {

void WorkflowContext::openSession() {
    sessionOpen = true;
}

void WorkflowContext::endSession(std::string_view fallbackOutcome) {
    cards.forgetCard(); // a read kept for resuming is the citizen's too
    if (sessionOpen && audit) {
        AuditEntry entry;
        entry.time = isoUtc(clock.now());
        entry.counterId = config.counterId;
        entry.clerkId = config.clerkId;
        entry.procedure = procedure;
        entry.outcome = outcome.empty() ? std::string(fallbackOutcome) : outcome;
        entry.fieldsUsed = fieldsUsed;
        entry.idNumber = session.idNumber;
        session.wipe();
        // Wiped before the write, so that a failing disk leaves nothing personal behind.
        try {
            (void)audit->append(entry);
        } catch (...) {
            std::fill(entry.idNumber.begin(), entry.idNumber.end(), '\0');
            throw;
        }
        std::fill(entry.idNumber.begin(), entry.idNumber.end(), '\0');
    }
    session.wipe();
    sessionOpen = false;
    outcome.clear();
    procedure.clear();
    fieldsUsed.clear();
}

std::string WorkflowContext::today() const {
    return isoLocalDate(clock.now(), config.utcOffset);
}

} // namespace cccd::kiosk
