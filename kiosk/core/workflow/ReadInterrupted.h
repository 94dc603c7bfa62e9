#pragma once

#include "kiosk/core/workflow/Reading.h"
#include "kiosk/core/workflow/WorkflowState.h"

namespace cccd::kiosk {

/// The card left mid-read: "put it back". When a card is present again it is read with the same
/// key; the card service continues the broken-off read in a new secure messaging session where
/// it can (the same card), and the files finished before keep their progress.
class ReadInterrupted : public WorkflowState {
public:
    explicit ReadInterrupted(FileProgress progress = {}) : m_progress(std::move(progress)) {}

    [[nodiscard]] WorkflowStep step() const override { return WorkflowStep::ReadInterrupted; }

    StatePtr onCardPresent(WorkflowContext& context) override;

    StatePtr onCardRemoved(WorkflowContext&) override { return nullptr; }

private:
    FileProgress m_progress; ///< of the read that broke off
};

} // namespace cccd::kiosk
