#include "SecureMessagingResponse.h"

#include <algorithm>
#include <optional>

#include "HarnessSupport.h"
#include "apdu/ResponseApdu.h"
#include "crypto/Mac.h"
#include "crypto/Padding.h"
#include "sm/SecureMessagingChannel.h"
#include "tlv/Tlv.h"

namespace cccd::fuzz {

namespace {

constexpr std::size_t MacSize = 8;

// The response is only unprotected: the inner channel never carries a command.
class NoCard : public transport::CardChannel {
public:
    Bytes transmit(ByteView) override {
        throw Error(ErrorCode::Transport, "fuzzing: no card behind the session");
    }

    Bytes atr() const override { return {}; }

    transport::ChannelCapabilities capabilities() const override { return {}; }
};

// The card's MAC over SSC || DO87 || DO99 (ICAO 9303-11 §9.8.5), at the counter value the
// response to the first command carries.
Bytes cardMac(const sm::SessionKeys& keys, ByteView macInput) {
    std::size_t block = keys.cipher == sm::SmCipher::Aes ? 16 : 8;
    Bytes n(keys.ssc.size(), 0);
    n.back() = 1;
    append(n, macInput);
    Bytes padded = crypto::pad(n, block);
    if (keys.cipher == sm::SmCipher::Aes) {
        Bytes full = crypto::aesCmac(keys.ksMac, padded);
        return Bytes(full.begin(), full.begin() + MacSize);
    }
    return crypto::retailMac(keys.ksMac, padded);
}

// Rewrites the value of the first 8-byte DO8E with the MAC a card holding the keys would send
// over the DO87 and DO99 before it. Input that is not a TLV sequence is left as it is.
Bytes withValidMac(const sm::SessionKeys& keys, Bytes response) {
    if (response.size() < 2) {
        return response;
    }
    ByteView body(response.data(), response.size() - 2);
    std::optional<tlv::Tlv> do87;
    std::optional<tlv::Tlv> do99;
    std::optional<std::size_t> macOffset;
    try {
        tlv::TlvReader reader(body);
        while (!reader.atEnd() && !macOffset) {
            std::size_t start = reader.offset();
            tlv::Tlv object = reader.next();
            if (object.tag == 0x87) {
                do87 = object;
            } else if (object.tag == 0x99) {
                do99 = object;
            } else if (object.tag == 0x8E && object.value.size() == MacSize) {
                macOffset = start + object.encoded.size() - MacSize;
            }
        }
    } catch (const Error&) {
        return response;
    }
    if (!macOffset) {
        return response;
    }
    Bytes macInput;
    if (do87) {
        append(macInput, do87->encoded);
    }
    if (do99) {
        append(macInput, do99->encoded);
    }
    Bytes mac = cardMac(keys, macInput);
    std::copy(mac.begin(), mac.end(), response.begin() + static_cast<std::ptrdiff_t>(*macOffset));
    return response;
}

} // namespace

sm::SessionKeys fuzzSessionKeys(sm::SmCipher cipher) {
    bool aes = cipher == sm::SmCipher::Aes;
    return sm::SessionKeys{cipher, SecureBytes(Bytes(16, 0x4B)), SecureBytes(Bytes(16, 0x4D)),
                           Bytes(aes ? 16 : 8, 0)};
}

int unprotectResponse(sm::SmCipher cipher, ByteView input) {
    if (input.empty()) {
        return 0;
    }
    bool fixMac = (input[0] & 1) != 0;
    Bytes response(input.begin() + 1, input.end());
    return expectError([&] {
        sm::SessionKeys keys = fuzzSessionKeys(cipher);
        if (fixMac) {
            response = withValidMac(keys, std::move(response));
        }
        NoCard noCard;
        sm::SecureMessagingChannel channel(noCard, std::move(keys));
        apdu::ResponseApdu plain = channel.unprotect(apdu::ResponseApdu::decode(response));
        (void)plain.encode();
    });
}

} // namespace cccd::fuzz
