#include "kiosk/core/workflow/Reading.h"

#include "kiosk/core/workflow/Failed.h"
#include "kiosk/core/workflow/ReadInterrupted.h"
#include "kiosk/core/workflow/Verified.h"

namespace cccd::kiosk {

StatePtr startReading(WorkflowContext& context, FileProgress before) {
    context.openSession();
    context.session.wipeCardData();
    context.cards.read(*context.session.key);
    return std::make_unique<Reading>(std::move(before));
}

StatePtr Reading::onCardRemoved(WorkflowContext& context) {
    context.cards.cancelRead();
    context.session.wipeCardData();
    return std::make_unique<ReadInterrupted>(std::move(m_progress));
}

StatePtr Reading::onProgress(WorkflowContext&, const ReadProgressed& event) {
    if (!m_reported && !event.resumed) {
        m_progress.clear(); // read afresh (another card or key): the earlier bars mean nothing
    }
    m_reported = true;
    m_progress[event.progress.file] = event.progress;
    return nullptr;
}

StatePtr Reading::onReadDone(WorkflowContext& context, std::shared_ptr<reader::Document> document) {
    SessionData& session = context.session;
    session.document = std::move(document);
    const qr::QrPayload* qr = session.qr ? &*session.qr : nullptr;
    if (session.document->dg13 && session.document->dg13->personalIdNumber) {
        session.idNumber = *session.document->dg13->personalIdNumber;
    }
    session.badges = assessIdentity(*session.document, qr, context.today());
    if (std::optional<FailureReason> reason = rejection(*session.document, *session.badges)) {
        return failWith(context, *reason);
    }
    return acceptIdentity(context);
}

StatePtr Reading::onReadFailed(WorkflowContext& context, ErrorCode code) {
    std::optional<FailureReason> reason = failureOf(code);
    if (!reason) {
        return nullptr; // cancelled by the kiosk itself
    }
    if (*reason == FailureReason::CardRemovedDuringRead) {
        context.session.wipeCardData();
        return std::make_unique<ReadInterrupted>(std::move(m_progress));
    }
    return failWith(context, *reason);
}

} // namespace cccd::kiosk
