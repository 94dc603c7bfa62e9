#pragma once

#include <map>
#include <string>

#include "kiosk/core/workflow/WorkflowState.h"

namespace cccd::kiosk {

/// The card is being read on the service's thread; progress per file for the progress bars.
class Reading : public WorkflowState {
public:
    [[nodiscard]] WorkflowStep step() const override { return WorkflowStep::Reading; }

    /// File name ("DG2", ...) -> the last progress reported for it.
    [[nodiscard]] const std::map<std::string, reader::ReadProgress>& progress() const {
        return m_progress;
    }

    StatePtr onCardRemoved(WorkflowContext& context) override;
    StatePtr onProgress(WorkflowContext& context, const reader::ReadProgress& progress) override;
    StatePtr onReadDone(WorkflowContext& context,
                        std::shared_ptr<reader::Document> document) override;
    StatePtr onReadFailed(WorkflowContext& context, ErrorCode code) override;

    /// A read has its own timeout (the service's); idleness does not end it.
    StatePtr onIdle(WorkflowContext&) override { return nullptr; }

private:
    std::map<std::string, reader::ReadProgress> m_progress;
};

/// Asks the service to read with the session's key and goes to Reading.
[[nodiscard]] StatePtr startReading(WorkflowContext& context);

} // namespace cccd::kiosk
