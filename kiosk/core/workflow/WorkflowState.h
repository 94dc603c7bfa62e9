#pragma once

#include <memory>

#include "kiosk/core/workflow/WorkflowContext.h"
#include "kiosk/core/workflow/WorkflowStep.h"

namespace cccd::kiosk {

class WorkflowState;

/// The step to go to; nullptr: stay.
using StatePtr = std::unique_ptr<WorkflowState>;

/// One step of a counter session. Each handler returns the next step, or nullptr to stay; a
/// step ignores what does not concern it (a late progress event, a second tap).
class WorkflowState {
public:
    virtual ~WorkflowState() = default;

    [[nodiscard]] virtual WorkflowStep step() const = 0;

    /// Whether an access key may be given now (it replaces the session's key).
    [[nodiscard]] virtual bool acceptsKey() const { return false; }

    virtual StatePtr onKeyGiven(WorkflowContext&) { return nullptr; }

    virtual StatePtr onCardPresent(WorkflowContext&) { return nullptr; }

    /// By default the session ends: the citizen took the card and leaves.
    virtual StatePtr onCardRemoved(WorkflowContext& context);
    /// By default the session ends in Failed(ReaderUnplugged).
    virtual StatePtr onReaderUnplugged(WorkflowContext& context);

    virtual StatePtr onProgress(WorkflowContext&, const ReadProgressed&) { return nullptr; }

    virtual StatePtr onReadDone(WorkflowContext&, std::shared_ptr<reader::Document>) {
        return nullptr;
    }

    virtual StatePtr onReadFailed(WorkflowContext&, ErrorCode) { return nullptr; }

    /// The clerk's "next": Verified to the catalog, a complete form to output, output to done.
    virtual StatePtr onProceed(WorkflowContext&) { return nullptr; }

    virtual StatePtr onChoose(WorkflowContext&, const FormDefinition&) { return nullptr; }

    virtual StatePtr onBack(WorkflowContext&) { return nullptr; }

    /// The clerk dismisses a failure or a finished session.
    virtual StatePtr onAcknowledge(WorkflowContext&) { return nullptr; }

    /// Nobody touched the kiosk for the idle timeout: by default the session ends, wiped.
    virtual StatePtr onIdle(WorkflowContext& context);
};

} // namespace cccd::kiosk
