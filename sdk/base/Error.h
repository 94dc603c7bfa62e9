#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cccd {

/// Every failure the SDK reports. Verification outcomes are not errors: they are data in the
/// verification report.
enum class ErrorCode {
    InvalidArgument,  ///< the caller passed something unusable (bad MRZ, bad hex, ...)
    MalformedData,    ///< bytes from a card or file do not parse (TLV, ASN.1, MRZ, ...)
    Crypto,           ///< an OpenSSL operation failed
    NoReader,         ///< no PC/SC reader is attached
    NoCard,           ///< the reader has no card
    CardRemoved,      ///< the card left the field during the session
    ReaderUnplugged,  ///< the reader disappeared during the session
    SharingViolation, ///< another application holds the card exclusively
    Transport,        ///< any other PC/SC or link failure
    CardStatus,       ///< the card answered an unexpected status word
    AccessDenied,     ///< BAC/PACE failed: the access key does not open this card
    SecureMessaging,  ///< a protected response failed its MAC or structure checks
    FileNotFound,     ///< the card has no such file (6A82)
    SecurityStatus,   ///< the file needs more rights than this session has (6982)
    Cancelled,        ///< the caller cancelled the operation
    Timeout,          ///< waiting for a reader or card took too long
    NotSupported,     ///< the card or reader asks for something this SDK does not do
    Io,               ///< a local file could not be read or written
};

/// Stable, lower-case identifier of a code, used in JSON and logs.
[[nodiscard]] std::string_view errorCodeName(ErrorCode code);

/// The one exception type of the SDK. The context never carries personal data or keys.
class Error : public std::runtime_error {
public:
    Error(ErrorCode code, const std::string& context, std::uint16_t statusWord = 0)
        : std::runtime_error(context), m_code(code), m_statusWord(statusWord) {}

    [[nodiscard]] ErrorCode code() const { return m_code; }

    /// The ISO 7816-4 status word or PC/SC return code behind the error, 0 if none.
    [[nodiscard]] std::uint16_t statusWord() const { return m_statusWord; }

private:
    ErrorCode m_code;
    std::uint16_t m_statusWord;
};

} // namespace cccd
