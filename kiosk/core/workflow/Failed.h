#pragma once

#include "kiosk/core/Failure.h"
#include "kiosk/core/workflow/WorkflowState.h"

namespace cccd::kiosk {

/// A session that cannot give a verified identity: shows the cause and the remedy. The card's
/// data is already forgotten; a new key (after WrongKey) reads the card again.
class Failed : public WorkflowState {
public:
    explicit Failed(FailureReason reason) : m_reason(reason) {}

    [[nodiscard]] WorkflowStep step() const override { return WorkflowStep::Failed; }

    [[nodiscard]] FailureReason reason() const { return m_reason; }

    [[nodiscard]] bool acceptsKey() const override { return true; }

    StatePtr onKeyGiven(WorkflowContext& context) override;
    StatePtr onCardPresent(WorkflowContext& context) override;
    StatePtr onAcknowledge(WorkflowContext& context) override;

private:
    FailureReason m_reason;
};

/// Records the failure as the session's outcome, forgets the card's data and goes to Failed.
[[nodiscard]] StatePtr failWith(WorkflowContext& context, FailureReason reason);

} // namespace cccd::kiosk
