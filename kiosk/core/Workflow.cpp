#include "kiosk/core/Workflow.h"

#include "kiosk/core/workflow/Failed.h"
#include "kiosk/core/workflow/Reading.h"
#include "kiosk/core/workflow/WaitingForCard.h"

namespace cccd::kiosk {

namespace {

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>; // clang 14 deduces no aggregate

} // namespace

Workflow::Workflow(CardService& cards, const FormCatalog& catalog, const Clock& clock,
                   AuditLog* audit, WorkflowConfig config)
    : m_context(cards, catalog, clock, audit, std::move(config)),
      m_state(std::make_unique<WaitingForCard>()), m_lastActivity(clock.now()) {}

Workflow::~Workflow() {
    m_context.session.wipe();
}

void Workflow::go(StatePtr next) {
    if (next) {
        m_state = std::move(next);
    }
    if (m_observer) {
        m_observer();
    }
}

void Workflow::touch() {
    m_lastActivity = m_context.clock.now();
}

void Workflow::handle(const CardEvent& event) {
    touch();
    WorkflowContext& c = m_context;
    WorkflowState& s = *m_state;
    go(std::visit(Overloaded{
                      [&](const CardPresent&) {
                          c.cardPresent = true;
                          return s.onCardPresent(c);
                      },
                      [&](const CardRemoved&) {
                          c.cardPresent = false;
                          return s.onCardRemoved(c);
                      },
                      [&](const ReaderUnplugged&) {
                          c.cardPresent = false;
                          return s.onReaderUnplugged(c);
                      },
                      [&](const ReadProgressed& e) { return s.onProgress(c, e); },
                      [&](const ReadDone& e) { return s.onReadDone(c, e.document); },
                      [&](const ReadFailed& e) { return s.onReadFailed(c, e.code); },
                  },
                  event));
}

bool Workflow::giveKey(reader::AccessKey key, std::string idNumber) {
    touch();
    if (!m_state->acceptsKey()) {
        return false;
    }
    m_context.session.key = std::move(key);
    if (!idNumber.empty()) {
        m_context.session.idNumber = std::move(idNumber);
    }
    go(m_state->onKeyGiven(m_context));
    return true;
}

bool Workflow::provideQr(const qr::QrPayload& payload) {
    if (!m_state->acceptsKey()) {
        return false;
    }
    m_context.session.qr = payload;
    return giveKey(reader::AccessKey::fromQr(payload), payload.personalIdNumber);
}

bool Workflow::provideIdNumber(std::string_view idNumber) {
    reader::AccessKey key = reader::AccessKey::fromIdNumber(idNumber);
    return giveKey(std::move(key), std::string(idNumber));
}

bool Workflow::provideMrz(const mrz::MrzKey& key, std::vector<mrz::MrzKey> bacAlternatives) {
    reader::AccessKey access = reader::AccessKey::fromMrz(key);
    access.bacCandidates = std::move(bacAlternatives);
    return giveKey(std::move(access), {});
}

void Workflow::proceed() {
    touch();
    go(m_state->onProceed(m_context));
}

bool Workflow::choose(std::string_view formId) {
    touch();
    const FormDefinition* form = m_context.catalog.find(formId);
    if (!form || m_state->step() != WorkflowStep::ChoosingProcedure) {
        return false;
    }
    go(m_state->onChoose(m_context, *form));
    return true;
}

std::optional<FieldProblem> Workflow::setField(std::string_view fieldId, std::string value) {
    touch();
    if (m_state->step() != WorkflowStep::FillingForm || !m_context.session.form) {
        throw Error(ErrorCode::InvalidArgument, "no form is being filled");
    }
    std::optional<FieldProblem> problem = m_context.session.form->set(fieldId, std::move(value));
    go(nullptr);
    return problem;
}

void Workflow::back() {
    touch();
    go(m_state->onBack(m_context));
}

void Workflow::acknowledge() {
    touch();
    go(m_state->onAcknowledge(m_context));
}

void Workflow::tick() {
    if (m_context.clock.now() - m_lastActivity < m_context.config.idleTimeout) {
        return;
    }
    touch();
    go(m_state->onIdle(m_context));
}

std::optional<FailureReason> Workflow::failure() const {
    if (const auto* failed = dynamic_cast<const Failed*>(m_state.get())) {
        return failed->reason();
    }
    return std::nullopt;
}

std::map<std::string, reader::ReadProgress> Workflow::progress() const {
    if (const auto* reading = dynamic_cast<const Reading*>(m_state.get())) {
        return reading->progress();
    }
    return {};
}

} // namespace cccd::kiosk
