#pragma once

#include <map>
#include <string>

#include "kiosk/core/workflow/WorkflowState.h"

namespace cccd::kiosk {

/// File name ("DG2", ...) -> the last progress reported for it.
using FileProgress = std::map<std::string, reader::ReadProgress>;

/// The card is being read on the service's thread; progress per file for the progress bars.
class Reading : public WorkflowState {
public:
    Reading() = default;

    /// After the card came back: the progress of the read its removal broke off, kept while the
    /// service continues that read (its files finished then are not reported again), dropped
    /// when the service's first report says it started afresh.
    explicit Reading(FileProgress before) : m_progress(std::move(before)) {}

    [[nodiscard]] WorkflowStep step() const override { return WorkflowStep::Reading; }

    [[nodiscard]] const FileProgress& progress() const { return m_progress; }

    StatePtr onCardRemoved(WorkflowContext& context) override;
    StatePtr onProgress(WorkflowContext& context, const ReadProgressed& event) override;
    StatePtr onReadDone(WorkflowContext& context,
                        std::shared_ptr<reader::Document> document) override;
    StatePtr onReadFailed(WorkflowContext& context, ErrorCode code) override;

    /// A read has its own timeout (the service's); idleness does not end it.
    StatePtr onIdle(WorkflowContext&) override { return nullptr; }

private:
    FileProgress m_progress;
    bool m_reported = false; ///< the service reported progress of this read
};

/// Asks the service to read with the session's key and goes to Reading; `before`: the progress
/// of the read that broke off, for the service to continue.
[[nodiscard]] StatePtr startReading(WorkflowContext& context, FileProgress before = {});

} // namespace cccd::kiosk
