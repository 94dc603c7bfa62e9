#pragma once

#include "kiosk/core/workflow/WorkflowState.h"

namespace cccd::kiosk {

/// The clerk searches the catalog (FormCatalog::search) and picks the procedure.
class ChoosingProcedure : public WorkflowState {
public:
    [[nodiscard]] WorkflowStep step() const override { return WorkflowStep::ChoosingProcedure; }

    StatePtr onChoose(WorkflowContext& context, const FormDefinition& form) override;
};

} // namespace cccd::kiosk
