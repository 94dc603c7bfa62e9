#pragma once

#include <optional>

#include <eac/eac.h>

#include "apdu/CommandApdu.h"
#include "apdu/ResponseApdu.h"
#include "base/Bytes.h"
#include "tlv/Tlv.h"

namespace cccd::test {

/// Secure messaging seen from the chip (ICAO 9303-11 §9.8), done by libeac's own primitives
/// (EAC_increment_ssc, EAC_decrypt, EAC_verify_authentication, EAC_encrypt, EAC_authenticate)
/// with the session keys of an EAC context whose encryption context is set. Our terminal's
/// secure messaging is checked against this, never against itself.
class OpenPaceSecureMessaging {
public:
    /// ctx must outlive this object.
    explicit OpenPaceSecureMessaging(EAC_CTX* ctx) : m_ctx(ctx) {}

    /// The plain command inside a protected one, or nullopt when its structure or MAC is wrong
    /// (the chip then answers 6988 and ends the session, §9.8.5).
    [[nodiscard]] std::optional<apdu::CommandApdu> unwrap(const apdu::CommandApdu& command);

    /// The protected response: DO87 (when there is data), DO99, DO8E, then the status word.
    [[nodiscard]] Bytes wrap(const apdu::ResponseApdu& response);

private:
    struct ProtectedObjects {
        std::optional<tlv::Tlv> do87; ///< padding-content indicator 01 || cryptogram
        tlv::Tlv do8e;                ///< the MAC, last
        std::size_t ne = 0;           ///< from DO97, 0 without
    };

    [[nodiscard]] static std::optional<ProtectedObjects> parse(const apdu::CommandApdu& command);
    [[nodiscard]] Bytes mac(ByteView data);

    EAC_CTX* m_ctx;
};

} // namespace cccd::test
