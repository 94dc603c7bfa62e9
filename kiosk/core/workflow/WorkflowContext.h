#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "address/AdministrativeUnits.h"
#include "kiosk/core/AuditLog.h"
#include "kiosk/core/CardService.h"
#include "kiosk/core/Clock.h"
#include "kiosk/core/FormCatalog.h"
#include "kiosk/core/SessionData.h"

namespace cccd::kiosk {

/// What the workflow needs from the installation.
struct WorkflowConfig {
    std::string counterId;
    std::string clerkId;
    std::chrono::seconds idleTimeout{60};
    std::chrono::minutes utcOffset{7 * 60}; ///< the counter's local time (Vietnam: UTC+7)
    /// The administrative unit tables that give a form's chip addresses today's units; none:
    /// the clerk types the current address.
    std::optional<address::AdministrativeUnits> addressUnits = std::nullopt;
};

/// What every step shares: the services, the session's personal data and its outcome so far.
/// Owned by the Workflow; the steps change it and say which step comes next.
struct WorkflowContext {
    WorkflowContext(CardService& cardService, const FormCatalog& forms, const Clock& time,
                    AuditLog* auditLog, WorkflowConfig configuration)
        : cards(cardService), catalog(forms), clock(time), audit(auditLog),
          config(std::move(configuration)) {}

    CardService& cards;
    const FormCatalog& catalog;
    const Clock& clock;
    AuditLog* audit; ///< nullptr: no audit (tests of other things)
    WorkflowConfig config;

    SessionData session;
    bool cardPresent = false;
    bool sessionOpen = false;
    std::string outcome;   ///< "verified" or a failure's name; empty until known
    std::string procedure; ///< the chosen form's id
    std::vector<std::string> fieldsUsed;

    /// Marks the start of a session (first card or key); idempotent.
    void openSession();

    /// Appends the audit record (when a session was open) and wipes everything personal, the
    /// card service's kept read included (CardService::forgetCard).
    /// `fallbackOutcome` is written when the session has no outcome yet.
    void endSession(std::string_view fallbackOutcome);

    /// Today at the counter, ISO 8601.
    [[nodiscard]] std::string today() const;
};

} // namespace cccd::kiosk
