#include "emulator/card/FileCommands.h"

#include <algorithm>

#include "base/Error.h"
#include "emulator/card/StatusWord.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

// P2 of SELECT, ISO/IEC 7816-4 table 40: which template the card returns.
constexpr std::uint8_t ReturnFci = 0x00;
constexpr std::uint8_t ReturnFcp = 0x04;
constexpr std::uint8_t NoResponseData = 0x0C;

// P1 of SELECT, ISO/IEC 7816-4 table 39: 08 selects from the MF by path.
constexpr std::uint8_t SelectPathFromMasterFile = 0x08;

std::uint16_t fidOf(ByteView data) {
    return static_cast<std::uint16_t>((data[0] << 8) | data[1]);
}

// File control parameters of an EF (ISO/IEC 7816-4 table 12): size, descriptor, FID.
Bytes fileControlParameters(const ElementaryFile& ef) {
    Bytes body = tlv::encode(0x80, tlv::encodeUnsigned(ef.data.size()));
    append(body, tlv::encode(0x82, Bytes{0x01})); // working EF, transparent structure
    append(body, tlv::encode(0x83, Bytes{static_cast<std::uint8_t>(ef.fid >> 8),
                                         static_cast<std::uint8_t>(ef.fid & 0xFF)}));
    return body;
}

CardResponse selectEf(FileSystem& files, const CommandApdu& command) {
    bool byPath = command.p1 == SelectPathFromMasterFile;
    bool fileIds =
        byPath ? !command.data.empty() && command.data.size() % 2 == 0 : command.data.size() == 2;
    if (!fileIds) {
        return status(StatusWord::WrongLength);
    }
    const ElementaryFile* ef = byPath ? files.selectPathFromMasterFile(command.data)
                                      : files.selectFile(fidOf(command.data));
    if (ef == nullptr) {
        return status(StatusWord::FileNotFound);
    }
    // An EAC-protected file (DG3/DG4) refuses selection without Terminal Authentication, as
    // the CCCD does (cccd.md §1.2).
    if (ef->access == FileAccess::Eac) {
        return status(StatusWord::SecurityStatusNotSatisfied);
    }
    if (command.p2 == NoResponseData) {
        return status(StatusWord::Success);
    }
    // P2 04 asks for the FCP template (62), P2 00 for the FCI template (6F) around it.
    std::uint32_t tag = command.p2 == ReturnFcp ? 0x62 : 0x6F;
    return {tlv::encode(tag, fileControlParameters(*ef)), toUint(StatusWord::Success), false};
}

CardResponse selectApplication(FileSystem& files, const CommandApdu& command) {
    if (command.data.empty()) {
        return status(StatusWord::WrongLength);
    }
    if (!files.selectApplication(command.data)) {
        return status(StatusWord::FileNotFound);
    }
    if (command.p2 == NoResponseData) {
        return status(StatusWord::Success);
    }
    // FCI with the DF name (ISO/IEC 7816-4 table 12, tag 84).
    return {tlv::encode(0x6F, tlv::encode(0x84, command.data)), toUint(StatusWord::Success), false};
}

} // namespace

CardResponse selectCommand(FileSystem& files, const CommandApdu& command,
                           std::optional<std::uint16_t> selectMfStatus) {
    if (command.p2 != NoResponseData && command.p2 != ReturnFci && command.p2 != ReturnFcp) {
        return status(StatusWord::IncorrectP1P2);
    }
    switch (command.p1) {
    case 0x04:
        return selectApplication(files, command);
    case 0x02:
    case SelectPathFromMasterFile:
        return selectEf(files, command);
    case 0x00: {
        // P1 00 with no data or 3F00 selects the MF; some chips do not implement it at all
        // (the CCCD answers 6D00, cccd.md §5.2 items 3-4).
        bool masterFile =
            command.data.empty() || (command.data.size() == 2 && fidOf(command.data) == 0x3F00);
        if (!masterFile) {
            return selectEf(files, command);
        }
        if (selectMfStatus) {
            return {{}, *selectMfStatus, false};
        }
        files.selectMasterFile();
        return status(StatusWord::Success);
    }
    default:
        return status(StatusWord::IncorrectP1P2);
    }
}

namespace {

// ISO/IEC 7816-4 §11.2.3: DO'54' carries the offset of an odd-INS READ BINARY, DO'53' the bytes.
constexpr std::uint32_t OffsetTag = 0x54;
constexpr std::uint32_t DiscretionaryDataTag = 0x53;
constexpr std::size_t MaxOffsetBytes = 4;

// Access conditions (ICAO 9303-11 §4.3, §4.4, §7.1): LDS files only under secure messaging.
bool readable(const ElementaryFile& ef, const ReadBinaryRules& rules) {
    return ef.access == FileAccess::Always ||
           (ef.access == FileAccess::Bac && rules.secureMessaging);
}

// Up to `count` bytes from `offset`: 6282 when the file ends first (ISO/IEC 7816-4 table 6, "end
// of file reached before reading Ne bytes"), or the profile's status for a read past the end.
CardResponse fileBytes(const ElementaryFile& ef, std::size_t offset, std::size_t count,
                       const ReadBinaryRules& rules, std::optional<FaultPlan::Removal>& removal) {
    if (offset > ef.data.size()) {
        return status(StatusWord::WrongParametersOffset);
    }
    std::size_t available = std::min(count, ef.data.size() - offset);
    if (available < count && rules.beyondEndStatus) {
        return {{}, *rules.beyondEndStatus, false};
    }
    if (removal && removal->fid == ef.fid && offset + available > removal->afterBytes) {
        removal.reset();
        return {{}, 0, true};
    }
    auto first = ef.data.begin() + static_cast<long>(offset);
    CardResponse response{Bytes(first, first + static_cast<long>(available)),
                          toUint(StatusWord::Success), false};
    if (available < count) {
        response.statusWord = toUint(StatusWord::EndOfFileReached);
    }
    return response;
}

// The file bytes a DO'53' of at most ne bytes can carry.
std::size_t oddPayload(std::size_t ne) {
    std::size_t payload = ne >= 2 ? ne - 2 : 0;
    while (payload > 0 && payload + 1 + tlv::encodeLength(payload).size() > ne) {
        --payload;
    }
    return payload;
}

// The EF an odd-INS READ BINARY names in P1-P2.
const ElementaryFile* oddInsFile(FileSystem& files, const CommandApdu& command) {
    if (command.p1 == 0 && command.p2 == 0) {
        return files.currentFile();
    }
    if (command.p1 == 0 && (command.p2 & 0xE0) == 0 && command.p2 != 0x1F) {
        return files.selectBySfi(command.p2);
    }
    return files.selectFile(static_cast<std::uint16_t>((command.p1 << 8) | command.p2));
}

} // namespace

CardResponse readBinaryCommand(FileSystem& files, const CommandApdu& command,
                               const ReadBinaryRules& rules,
                               std::optional<FaultPlan::Removal>& removal) {
    if (!command.data.empty() || !command.ne) {
        return status(StatusWord::WrongLength);
    }

    // P1 bit 8 set: bits 5-1 are a short EF identifier and P2 the offset; else a 15-bit offset.
    std::size_t offset = 0;
    const ElementaryFile* ef = nullptr;
    if ((command.p1 & 0x80) != 0) {
        if ((command.p1 & 0x60) != 0) {
            return status(StatusWord::IncorrectP1P2);
        }
        ef = files.selectBySfi(static_cast<std::uint8_t>(command.p1 & 0x1F));
        if (ef == nullptr) {
            return status(StatusWord::FileNotFound);
        }
        offset = command.p2;
    } else {
        ef = files.currentFile();
        if (ef == nullptr) {
            return status(StatusWord::NoCurrentElementaryFile);
        }
        offset = (static_cast<std::size_t>(command.p1) << 8) | command.p2;
    }
    if (!readable(*ef, rules)) {
        return status(StatusWord::SecurityStatusNotSatisfied);
    }
    return fileBytes(*ef, offset, *command.ne, rules, removal);
}

CardResponse readBinaryOddCommand(FileSystem& files, const CommandApdu& command,
                                  const ReadBinaryRules& rules,
                                  std::optional<FaultPlan::Removal>& removal) {
    if (!command.ne) {
        return status(StatusWord::WrongLength);
    }
    std::optional<std::size_t> offset;
    try {
        tlv::Tlv object = tlv::parse(command.data, OffsetTag);
        if (object.encoded.size() == command.data.size() && !object.value.empty() &&
            object.value.size() <= MaxOffsetBytes) {
            offset = 0;
            for (std::uint8_t b : object.value) {
                *offset = (*offset << 8) | b;
            }
        }
    } catch (const Error&) {
        offset.reset();
    }
    if (!offset) {
        return status(StatusWord::IncorrectData);
    }
    const ElementaryFile* ef = oddInsFile(files, command);
    if (ef == nullptr) {
        return status(command.p1 == 0 && command.p2 == 0 ? StatusWord::NoCurrentElementaryFile
                                                         : StatusWord::FileNotFound);
    }
    if (!readable(*ef, rules)) {
        return status(StatusWord::SecurityStatusNotSatisfied);
    }
    std::size_t payload = oddPayload(*command.ne);
    if (payload == 0) {
        return status(StatusWord::WrongLength);
    }
    CardResponse response = fileBytes(*ef, *offset, payload, rules, removal);
    if (!response.data.empty()) {
        response.data = tlv::encode(DiscretionaryDataTag, response.data);
    }
    return response;
}

} // namespace cccd::emulator
