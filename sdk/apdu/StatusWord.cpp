#include "apdu/StatusWord.h"

namespace cccd::apdu {

std::string_view describeStatusWord(std::uint16_t sw) {
    switch (static_cast<StatusWord>(sw)) {
    case StatusWord::Success:
        return "success";
    case StatusWord::EndOfFileReached:
        return "end of file reached before Le bytes";
    case StatusWord::VerificationFailed:
        return "authentication failed";
    case StatusWord::WrongLength:
        return "wrong length";
    case StatusWord::SmDataObjectsMissing:
        return "secure messaging data objects missing";
    case StatusWord::SmDataObjectsIncorrect:
        return "secure messaging data objects incorrect";
    case StatusWord::SecurityStatusNotSatisfied:
        return "security status not satisfied";
    case StatusWord::ConditionsNotSatisfied:
        return "conditions of use not satisfied";
    case StatusWord::FileNotFound:
        return "file not found";
    case StatusWord::IncorrectP1P2:
        return "incorrect parameters P1-P2";
    case StatusWord::WrongP1P2:
        return "wrong parameters P1-P2 (offset outside the file)";
    case StatusWord::InsNotSupported:
        return "instruction not supported";
    case StatusWord::ClaNotSupported:
        return "class not supported";
    }
    return "unexpected status word";
}

} // namespace cccd::apdu
