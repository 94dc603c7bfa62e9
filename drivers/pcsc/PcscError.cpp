#include "pcsc/PcscError.h"

#include <cstdio>
#include <string>

#include <winscard.h>

namespace cccd::pcsc {

namespace {

ErrorCode classify(long rv, bool duringSession) {
    switch (rv) {
    case SCARD_E_NO_READERS_AVAILABLE:
    case SCARD_E_UNKNOWN_READER:
    case SCARD_E_NO_SERVICE: // no pcscd: no reader can be reached
        return duringSession ? ErrorCode::ReaderUnplugged : ErrorCode::NoReader;
    case SCARD_E_READER_UNAVAILABLE:
        return ErrorCode::ReaderUnplugged;
    case SCARD_E_NO_SMARTCARD:
    case SCARD_W_REMOVED_CARD:
        return duringSession ? ErrorCode::CardRemoved : ErrorCode::NoCard;
    case SCARD_W_RESET_CARD:
        return ErrorCode::CardRemoved;
    case SCARD_E_SHARING_VIOLATION:
        return ErrorCode::SharingViolation;
    case SCARD_E_TIMEOUT:
        return ErrorCode::Timeout;
    case SCARD_E_CANCELLED:
        return ErrorCode::Cancelled;
    default:
        return ErrorCode::Transport;
    }
}

} // namespace

void throwPcscError(long rv, std::string_view operation, bool duringSession) {
    char code[16];
    std::snprintf(code, sizeof code, "0x%08lX", static_cast<unsigned long>(rv));
    std::string text = std::string(operation) + ": " + pcsc_stringify_error(rv) + " (" + code + ")";
    if (rv == SCARD_E_NO_SERVICE) {
        text += "; is pcscd running?";
    }
    throw Error(classify(rv, duringSession), text);
}

} // namespace cccd::pcsc
