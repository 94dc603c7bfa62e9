#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "emulator/card/FaultPlan.h"

namespace cccd::emulator {

/// A fault as the control interface names it (`fault <...>`).
struct FaultCommand {
    enum class Kind {
        RemoveAfter,       ///< remove-after <FID> <bytes>: pull the card during that file
        CorruptMac,        ///< corrupt-mac: wrong DO'8E' in the next protected response
        CorruptCryptogram, ///< corrupt-cryptogram: garbled DO'87' in the next response
        DropObject,        ///< drop-do <87|99|8E>: leave a DO out of the next response
        StatusWord,        ///< sw <SW>: answer the next command with this SW in plain
        CorruptFile,       ///< corrupt-file <FID> <offset>: flip a byte (hash mismatch)
        Clear,             ///< clear: forget pending faults
        Command,           ///< a per-command or file fault (CommandFault, parseCommandFault)
    };
    Kind kind = Kind::Clear;
    std::uint16_t fid = 0;
    std::size_t number = 0; ///< bytes or offset
    std::uint16_t statusWord = 0;
    std::uint8_t tag = 0;
    CommandFault command; ///< Command
};

/// One line of the control protocol (drivers/emulator/README.md).
struct ControlCommand {
    enum class Kind { Present, Remove, Swap, Fault, Status, Quit, Help };
    Kind kind = Kind::Help;
    std::string profile; ///< Present, Swap: a profile file or a persona name
    FaultCommand fault;
};

/// Parses one line; on error, a message for the "error ..." reply.
[[nodiscard]] std::variant<ControlCommand, std::string> parseControlCommand(std::string_view line);

/// The help text the `help` command answers (one line per command).
[[nodiscard]] std::string_view controlHelp();

} // namespace cccd::emulator
