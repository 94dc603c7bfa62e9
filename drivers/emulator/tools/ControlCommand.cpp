#include "emulator/tools/ControlCommand.h"

#include <charconv>
#include <sstream>
#include <vector>

namespace cccd::emulator {

namespace {

std::vector<std::string> words(std::string_view line) {
    std::istringstream in{std::string(line)};
    std::vector<std::string> out;
    for (std::string word; in >> word;) {
        out.push_back(word);
    }
    return out;
}

bool parseNumber(const std::string& text, std::size_t& value, int base = 10) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    return ec == std::errc() && end == text.data() + text.size();
}

bool parseHex16(const std::string& text, std::uint16_t& value) {
    std::size_t parsed = 0;
    if (text.size() != 4 || !parseNumber(text, parsed, 16)) {
        return false;
    }
    value = static_cast<std::uint16_t>(parsed);
    return true;
}

std::variant<ControlCommand, std::string> parseFault(const std::vector<std::string>& w) {
    ControlCommand command;
    command.kind = ControlCommand::Kind::Fault;
    FaultCommand& fault = command.fault;
    if (w.size() < 2) {
        return std::string("fault needs a kind; see help");
    }
    const std::string& kind = w[1];
    if (kind == "remove-after" && w.size() == 4 && parseHex16(w[2], fault.fid) &&
        parseNumber(w[3], fault.number)) {
        fault.kind = FaultCommand::Kind::RemoveAfter;
    } else if (kind == "corrupt-mac" && w.size() == 2) {
        fault.kind = FaultCommand::Kind::CorruptMac;
    } else if (kind == "corrupt-cryptogram" && w.size() == 2) {
        fault.kind = FaultCommand::Kind::CorruptCryptogram;
    } else if (kind == "drop-do" && w.size() == 3 &&
               (w[2] == "87" || w[2] == "99" || w[2] == "8E" || w[2] == "8e")) {
        fault.kind = FaultCommand::Kind::DropObject;
        std::size_t tag = 0;
        parseNumber(w[2], tag, 16);
        fault.tag = static_cast<std::uint8_t>(tag);
    } else if (kind == "sw" && w.size() == 3 && parseHex16(w[2], fault.statusWord)) {
        fault.kind = FaultCommand::Kind::StatusWord;
    } else if (kind == "corrupt-file" && w.size() == 4 && parseHex16(w[2], fault.fid) &&
               parseNumber(w[3], fault.number)) {
        fault.kind = FaultCommand::Kind::CorruptFile;
    } else if (kind == "clear" && w.size() == 2) {
        fault.kind = FaultCommand::Kind::Clear;
    } else {
        std::string rest;
        for (std::size_t i = 1; i < w.size(); ++i) {
            rest += w[i] + ' ';
        }
        std::variant<CommandFault, std::string> parsed = parseCommandFault(rest);
        if (auto* error = std::get_if<std::string>(&parsed)) {
            return "bad fault '" + kind + "': " + *error + "; see help";
        }
        fault.kind = FaultCommand::Kind::Command;
        fault.command = std::get<CommandFault>(std::move(parsed));
    }
    return command;
}

} // namespace

std::variant<ControlCommand, std::string> parseControlCommand(std::string_view line) {
    std::vector<std::string> w = words(line);
    if (w.empty()) {
        return std::string("empty command");
    }
    ControlCommand command;
    const std::string& verb = w[0];
    if ((verb == "present" || verb == "swap") && w.size() == 2) {
        command.kind =
            verb == "present" ? ControlCommand::Kind::Present : ControlCommand::Kind::Swap;
        command.profile = w[1];
        return command;
    }
    if (verb == "fault") {
        return parseFault(w);
    }
    if (w.size() == 1) {
        if (verb == "remove") {
            command.kind = ControlCommand::Kind::Remove;
            return command;
        }
        if (verb == "status") {
            command.kind = ControlCommand::Kind::Status;
            return command;
        }
        if (verb == "quit") {
            command.kind = ControlCommand::Kind::Quit;
            return command;
        }
        if (verb == "help") {
            command.kind = ControlCommand::Kind::Help;
            return command;
        }
    }
    return "unknown command '" + verb + "'; see help";
}

std::string_view controlHelp() {
    return "commands: present <profile|persona> | remove | swap <profile|persona> | status | "
           "quit | help | fault remove-after <FID> <bytes> | fault corrupt-mac | "
           "fault corrupt-cryptogram | fault drop-do <87|99|8E> | fault sw <SW> | "
           "fault corrupt-file <FID> <offset> | fault clear | "
           "fault skip-ssc | fault repeat-ssc | fault truncate <bytes> | fault extend <bytes> | "
           "fault status-only [SW] | fault chain <bytes> | fault wrong-le [length] | "
           "fault early-end [bytes] | fault garbage [bytes|hex:HEX] | fault delay <ms> | "
           "fault reset [SW] | fault remove | fault tlv-length <FID> <offset> <+-delta> | "
           "fault oversize-length <FID> <offset>; the per-command faults take "
           "[at=N] [ins=XX] [fid=XXXX] [always], and so do corrupt-mac, corrupt-cryptogram and "
           "drop-do, which with an option hit that command instead of the next answer";
}

} // namespace cccd::emulator
