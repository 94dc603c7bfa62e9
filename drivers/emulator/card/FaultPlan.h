#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/Bytes.h"
#include "emulator/card/BacFaults.h"
#include "emulator/card/ChipAuthenticityFaults.h"
#include "emulator/card/PaceFaults.h"
#include "emulator/card/SecureMessagingSession.h"

namespace cccd::emulator {

/// Which commands a CommandFault hits. No condition: the next command. All conditions set must
/// hold. Under secure messaging INS and FID are those of the unwrapped command.
struct FaultTrigger {
    std::optional<std::size_t> commandNumber; ///< the Nth command since the card's reset, from 1
    std::optional<std::uint8_t> ins;          ///< commands with this INS
    /// SELECT of this FID, or READ BINARY of this file (the selected one or by short EF id).
    std::optional<std::uint16_t> fid;
    bool always = false; ///< hit every matching command; otherwise only the first
};

/// One fault of a command's answer (the "hostile card" vocabulary; drivers/emulator/README.md
/// "Per-command faults"). The first pending fault whose trigger matches a command fires on it.
struct CommandFault {
    enum class Kind {
        SkipSsc,           ///< the protected response uses SSC+2 (the card skipped one)
        RepeatSsc,         ///< the protected response reuses the command's SSC
        Truncate,          ///< drop the last `count` bytes of the response data (wrapped or plain)
        Extend,            ///< `count` bytes more than Le (READ BINARY: the file's next bytes)
        StatusOnly,        ///< no data, status word `statusWord` (default 9000), protected under SM
        Chain,             ///< answer `count` bytes then 61XX; the rest through GET RESPONSE
        WrongLe,           ///< 6CXX, XX = `count` or the length the card holds; no data
        EarlyEnd,          ///< only `count` bytes (default half) with 6282
        Garbage,           ///< `bytes`, or `count` random bytes, instead of the whole response
        Delay,             ///< sleep `count` ms before answering
        Reset,             ///< the card resets first: a protected command gets `statusWord` (6988)
        TlvLength,         ///< file `fid`: the length octet at `offset` changed by `delta`
        OversizeLength,    ///< file `fid`: the length at `offset` replaced by 84 7FFFFFFF
        CorruptMac,        ///< protected response: a bit of DO'8E' flipped
        CorruptCryptogram, ///< protected response: a bit of DO'87' flipped, the MAC valid
        DropObject,        ///< protected response without DO `tag` (87, 99 or 8E)
        Remove,            ///< the card leaves the field instead of answering, until insert()
    };
    Kind kind = Kind::StatusOnly;
    FaultTrigger when;
    std::size_t count = 0;
    std::optional<std::uint16_t> statusWord;
    Bytes bytes;
    std::uint16_t fid = 0;  ///< TlvLength, OversizeLength
    std::size_t offset = 0; ///< TlvLength, OversizeLength
    int delta = 0;          ///< TlvLength
    std::uint8_t tag = 0;   ///< DropObject
    bool hasCount = false;  ///< `count` was given (WrongLe, EarlyEnd)

    /// Changes a file once, when armed, rather than a command's answer.
    [[nodiscard]] bool changesFile() const {
        return kind == Kind::TlvLength || kind == Kind::OversizeLength;
    }
};

/// Parses one fault as the control socket's `fault ...` lines and a profile's "faults" array
/// write it (without the word "fault"): `<kind> [arguments] [at=N] [ins=XX] [fid=XXXX]
/// [always]`. On error, a message. (Defined in CardProfile.cpp.)
[[nodiscard]] std::variant<CommandFault, std::string> parseCommandFault(std::string_view text);

/// Faults the card injects into its next answers (conformance.md §6, "APDU-level faults").
/// One-shot faults clear themselves once used; file corruption is applied directly to the
/// card's files (EmulatedCard::corruptFile) and lasts as long as the card.
struct FaultPlan {
    /// The card leaves the field when a READ BINARY of this file would deliver a byte at or past
    /// offset `afterBytes`: the reader sees the removal instead of that response.
    struct Removal {
        std::uint16_t fid = 0;
        std::size_t afterBytes = 0;
    };

    std::optional<Removal> removal;

    /// Applied to the next protected response only.
    ResponseFaults nextResponse;

    /// The next command is answered with this status word in plain, whatever it was; an SM
    /// session ends (BSI TR-03105-5.1 ISO7816_B_04 answers 6987/6988).
    std::optional<std::uint16_t> nextStatusWord;

    /// How the chip answers BAC's EXTERNAL AUTHENTICATE (BacFaults.h); until cleared.
    BacFaults bac;
    /// How the chip's side of PACE misbehaves (PaceFaults.h); holds for every run until cleared.
    PaceFaults pace;
    /// Chip and Active Authentication faults; they last until cleared.
    ChipAuthenticityFaults chipAuthenticity;
    /// Per-command faults, in the order they were armed (EmulatedCard::arm).
    std::vector<CommandFault> commands;

    void clear() { *this = FaultPlan{}; }
};

} // namespace cccd::emulator
