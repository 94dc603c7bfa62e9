#include "kiosk/core/workflow/Verified.h"

#include "kiosk/core/workflow/ChoosingProcedure.h"

namespace cccd::kiosk {

StatePtr acceptIdentity(WorkflowContext& context) {
    SessionData& session = context.session;
    session.citizen = CitizenRecord::fromDocument(*session.document);
    if (const lds::FaceImage* face = session.document->portrait()) {
        session.portrait = SecureBytes(ByteView(face->image));
    }
    context.outcome = "verified";
    return std::make_unique<Verified>();
}

StatePtr Verified::onProceed(WorkflowContext&) {
    return std::make_unique<ChoosingProcedure>();
}

} // namespace cccd::kiosk
