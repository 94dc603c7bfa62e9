#pragma once

#include "base/Error.h"

namespace cccd::samples {

/// cccd-read's exit codes, one per outcome a caller scripts against (documented in --help).
enum class ExitCode : int {
    Success = 0,            ///< read, and Passive Authentication verified the data
    Failure = 1,            ///< anything unexpected
    Usage = 2,              ///< bad command line
    NoReader = 3,           ///< no PC/SC reader attached (or pcscd not running)
    NoCard = 4,             ///< no card presented within --wait
    AccessDenied = 5,       ///< the access key does not open this card
    ReadError = 6,          ///< the read failed: card removed, transmission or card error
    VerificationFailed = 7, ///< read, but Passive Authentication did not verify everything
    QrUnusable = 8,         ///< --qr-image, --camera or --qr gave no QR, or not the card's
    Cancelled = 130,        ///< interrupted (Ctrl-C)
};

[[nodiscard]] inline ExitCode exitCodeFor(ErrorCode code) {
    switch (code) {
    case ErrorCode::NoReader:
        return ExitCode::NoReader;
    case ErrorCode::NoCard:
    case ErrorCode::Timeout:
        return ExitCode::NoCard;
    case ErrorCode::AccessDenied:
        return ExitCode::AccessDenied;
    case ErrorCode::Cancelled:
        return ExitCode::Cancelled;
    case ErrorCode::InvalidArgument:
        return ExitCode::Usage;
    case ErrorCode::ReaderUnplugged: // during the read: the read failed
    case ErrorCode::CardRemoved:
    case ErrorCode::SharingViolation:
    case ErrorCode::Transport:
    case ErrorCode::CardStatus:
    case ErrorCode::SecureMessaging:
    case ErrorCode::FileNotFound:
    case ErrorCode::SecurityStatus:
    case ErrorCode::MalformedData:
    case ErrorCode::NotSupported:
        return ExitCode::ReadError;
    case ErrorCode::Crypto:
    case ErrorCode::Io:
        return ExitCode::Failure;
    }
    return ExitCode::Failure;
}

} // namespace cccd::samples
