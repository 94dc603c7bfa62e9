#include "base/Error.h"

namespace cccd {

std::string_view errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return "invalid_argument";
    case ErrorCode::MalformedData:
        return "malformed_data";
    case ErrorCode::Crypto:
        return "crypto";
    case ErrorCode::NoReader:
        return "no_reader";
    case ErrorCode::NoCard:
        return "no_card";
    case ErrorCode::CardRemoved:
        return "card_removed";
    case ErrorCode::ReaderUnplugged:
        return "reader_unplugged";
    case ErrorCode::SharingViolation:
        return "sharing_violation";
    case ErrorCode::Transport:
        return "transport";
    case ErrorCode::CardStatus:
        return "card_status";
    case ErrorCode::AccessDenied:
        return "access_denied";
    case ErrorCode::SecureMessaging:
        return "secure_messaging";
    case ErrorCode::FileNotFound:
        return "file_not_found";
    case ErrorCode::SecurityStatus:
        return "security_status";
    case ErrorCode::Cancelled:
        return "cancelled";
    case ErrorCode::Timeout:
        return "timeout";
    case ErrorCode::NotSupported:
        return "not_supported";
    case ErrorCode::Io:
        return "io";
    }
    return "unknown";
}

} // namespace cccd
