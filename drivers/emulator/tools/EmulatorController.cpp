#include "emulator/tools/EmulatorController.h"

#include <thread>
#include <variant>

#include "base/Error.h"
#include "emulator/tools/ControlCommand.h"

namespace cccd::emulator {

namespace {

void applyFault(EmulatedCard& card, const FaultCommand& fault) {
    switch (fault.kind) {
    case FaultCommand::Kind::RemoveAfter:
        card.faults().removal = FaultPlan::Removal{fault.fid, fault.number};
        return;
    case FaultCommand::Kind::CorruptMac:
        card.faults().nextResponse.corruptMac = true;
        return;
    case FaultCommand::Kind::CorruptCryptogram:
        card.faults().nextResponse.corruptCryptogram = true;
        return;
    case FaultCommand::Kind::DropObject:
        card.faults().nextResponse.dropObject = fault.tag;
        return;
    case FaultCommand::Kind::StatusWord:
        card.faults().nextStatusWord = fault.statusWord;
        return;
    case FaultCommand::Kind::CorruptFile:
        card.corruptFile(fault.fid, fault.number);
        return;
    case FaultCommand::Kind::Command:
        card.arm(fault.command);
        return;
    case FaultCommand::Kind::Clear:
        card.faults().clear();
        return;
    }
}

} // namespace

EmulatorController::EmulatorController(CardSlot& slot, ControllerOptions options)
    : m_slot(slot), m_options(std::move(options)) {}

std::filesystem::path EmulatorController::resolve(const std::string& profile) const {
    std::filesystem::path path(profile);
    if (path.has_parent_path() || path.extension() == ".json") {
        return path;
    }
    return m_options.profilesDir / (profile + ".json");
}

void EmulatorController::present(const std::string& profile) {
    CardProfile loaded = loadProfile(resolve(profile));
    std::string label = loaded.name;
    m_slot.present(std::make_shared<EmulatedCard>(std::move(loaded)), label);
}

std::string EmulatorController::execute(std::string_view line) {
    auto parsed = parseControlCommand(line);
    if (auto* error = std::get_if<std::string>(&parsed)) {
        return "error " + *error;
    }
    const ControlCommand& command = std::get<ControlCommand>(parsed);
    try {
        switch (command.kind) {
        case ControlCommand::Kind::Present:
            present(command.profile);
            return "ok present " + m_slot.status().label;
        case ControlCommand::Kind::Remove:
            m_slot.remove();
            return "ok removed";
        case ControlCommand::Kind::Swap:
            m_slot.remove();
            std::this_thread::sleep_for(m_options.swapGap);
            present(command.profile);
            return "ok swapped " + m_slot.status().label;
        case ControlCommand::Kind::Fault: {
            bool present =
                m_slot.withCard([&](EmulatedCard& card) { applyFault(card, command.fault); });
            if (!present) {
                return "error no card present";
            }
            return command.fault.kind == FaultCommand::Kind::Clear ? "ok faults cleared"
                                                                   : "ok fault armed";
        }
        case ControlCommand::Kind::Status: {
            CardSlot::Status status = m_slot.status();
            if (!status.present) {
                return "ok absent";
            }
            return "ok present " + status.label +
                   " commands=" + std::to_string(status.statistics.commands);
        }
        case ControlCommand::Kind::Quit:
            m_quit = true;
            return "ok bye";
        case ControlCommand::Kind::Help:
            return "ok " + std::string(controlHelp());
        }
    } catch (const Error& e) {
        return std::string("error ") + e.what();
    }
    return "error unhandled command";
}

} // namespace cccd::emulator
