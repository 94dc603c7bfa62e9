#include "capi/Status.h"

#include <utility>

namespace cccd::capi {
namespace {

thread_local std::string lastError;

} // namespace

cccd_status toStatus(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return CCCD_E_INVALID_ARGUMENT;
    case ErrorCode::MalformedData:
        return CCCD_E_MALFORMED_DATA;
    case ErrorCode::Crypto:
        return CCCD_E_CRYPTO;
    case ErrorCode::NoReader:
        return CCCD_E_NO_READER;
    case ErrorCode::NoCard:
        return CCCD_E_NO_CARD;
    case ErrorCode::CardRemoved:
        return CCCD_E_CARD_REMOVED;
    case ErrorCode::ReaderUnplugged:
        return CCCD_E_READER_UNPLUGGED;
    case ErrorCode::SharingViolation:
        return CCCD_E_SHARING_VIOLATION;
    case ErrorCode::Transport:
        return CCCD_E_TRANSPORT;
    case ErrorCode::CardStatus:
        return CCCD_E_CARD_STATUS;
    case ErrorCode::AccessDenied:
        return CCCD_E_ACCESS_DENIED;
    case ErrorCode::SecureMessaging:
        return CCCD_E_SECURE_MESSAGING;
    case ErrorCode::FileNotFound:
        return CCCD_E_FILE_NOT_FOUND;
    case ErrorCode::SecurityStatus:
        return CCCD_E_SECURITY_STATUS;
    case ErrorCode::Cancelled:
        return CCCD_E_CANCELLED;
    case ErrorCode::Timeout:
        return CCCD_E_TIMEOUT;
    case ErrorCode::NotSupported:
        return CCCD_E_NOT_SUPPORTED;
    case ErrorCode::Io:
        return CCCD_E_IO;
    }
    return CCCD_E_INTERNAL;
}

void setLastError(std::string message) {
    lastError = std::move(message);
}

} // namespace cccd::capi

extern "C" {

const char* cccd_last_error_message(void) {
    return cccd::capi::lastError.c_str();
}

const char* cccd_status_name(cccd_status status) {
    switch (status) {
    case CCCD_OK:
        return "ok";
    case CCCD_E_INTERNAL:
        return "internal";
    case CCCD_E_BAD_HANDLE:
        return "bad_handle";
    default:
        break;
    }
    const int value = static_cast<int>(status);
    if (value >= CCCD_E_INVALID_ARGUMENT && value <= CCCD_E_IO) {
        // The enumeration follows ErrorCode's order, so that a code's name is the JSON's.
        return cccd::errorCodeName(static_cast<cccd::ErrorCode>(value - 1)).data();
    }
    return "unknown";
}

} // extern "C"
