#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/CardService.h"
#include "kiosk/core/workflow/WorkflowContext.h"
#include "kiosk/core/workflow/WorkflowState.h"
#include "mrz/MrzKey.h"

namespace cccd::kiosk {

/// One counter's sessions, step by step: waiting for a card, obtaining the key, reading,
/// verified identity, choosing the procedure, filling the form, output, finished; or failed
/// with a cause and a remedy. Single-threaded: card events reach it through handle() on the
/// thread that owns it. Everything personal is wiped on card removal, on finish and after the
/// idle timeout (tick() checks it).
class Workflow {
public:
    Workflow(CardService& cards, const FormCatalog& catalog, const Clock& clock, AuditLog* audit,
             WorkflowConfig config);
    ~Workflow();
    Workflow(const Workflow&) = delete;
    Workflow& operator=(const Workflow&) = delete;

    /// Called after every change of step or of the step's data.
    void setObserver(std::function<void()> observer) { m_observer = std::move(observer); }

    void handle(const CardEvent& event);

    /// The QR printed on the card (camera or USB scanner). False when no key is wanted now.
    bool provideQr(const qr::QrPayload& payload);
    /// The 12-digit ID typed on the keypad; throws Error(InvalidArgument) unless 12 digits.
    bool provideIdNumber(std::string_view idNumber);
    /// Document number and dates, the last resort. `bacAlternatives`: other keys BAC may try
    /// after `key` (a card without expiry prints `991231` or `<<<<<<`, cccd.md §2.5).
    bool provideMrz(const mrz::MrzKey& key, std::vector<mrz::MrzKey> bacAlternatives = {});

    void proceed();
    /// Opens the form with this id; false when it is unknown or the step is not the catalog.
    bool choose(std::string_view formId);
    /// A field the clerk fills (FilledForm::set); Error(InvalidArgument) outside FillingForm.
    std::optional<FieldProblem> setField(std::string_view fieldId, std::string value);
    void back();
    void acknowledge();

    /// Ends the session when nobody did anything for the idle timeout. Call it from a timer.
    void tick();

    [[nodiscard]] WorkflowStep step() const { return m_state->step(); }

    /// In Failed: why.
    [[nodiscard]] std::optional<FailureReason> failure() const;

    /// In Reading: file -> progress.
    [[nodiscard]] std::map<std::string, reader::ReadProgress> progress() const;

    [[nodiscard]] const SessionData& session() const { return m_context.session; }

    [[nodiscard]] bool cardPresent() const { return m_context.cardPresent; }

private:
    void go(StatePtr next);
    void touch();
    bool giveKey(reader::AccessKey key, std::string idNumber);

    WorkflowContext m_context;
    std::unique_ptr<WorkflowState> m_state;
    std::function<void()> m_observer;
    std::chrono::system_clock::time_point m_lastActivity;
};

} // namespace cccd::kiosk
