#include "sm/SecureMessagingChannel.h"

#include <algorithm>
#include <cstdio>

#include "apdu/Exchange.h"
#include "base/Error.h"
#include "base/Log.h"
#include "crypto/Cipher.h"
#include "crypto/Mac.h"
#include "crypto/Padding.h"
#include "tlv/Tlv.h"
#include "transport/Send.h"

namespace cccd::sm {

namespace {

// ICAO 9303-11 §9.8.4 data objects.
constexpr std::uint32_t TagDo85 = 0x85; // cryptogram of an odd INS, no indicator byte
constexpr std::uint32_t TagDo87 = 0x87; // padding-content indicator || cryptogram
constexpr std::uint32_t TagDo97 = 0x97; // Le
constexpr std::uint32_t TagDo99 = 0x99; // processing status (SW1 SW2)
constexpr std::uint32_t TagDo8E = 0x8E; // cryptographic checksum
constexpr std::uint8_t PaddingIndicator = 0x01;
constexpr std::uint8_t SmClaBits = 0x0C;
constexpr std::size_t MacSize = 8;
constexpr std::size_t Do99Size = 4;
constexpr std::size_t Do8ESize = 2 + MacSize;
constexpr std::size_t StatusWordSize = 2;

[[noreturn]] void smFailure(const char* what, std::uint16_t sw = 0) {
    throw Error(ErrorCode::SecureMessaging, std::string("secure messaging: ") + what, sw);
}

Bytes encodeLe(std::size_t ne, bool extended) {
    if (extended) {
        std::size_t v = ne == apdu::ExtendedNeMax ? 0 : ne;
        return {static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v & 0xFF)};
    }
    return {static_cast<std::uint8_t>(ne == apdu::ShortNeMax ? 0 : ne)};
}

// The APDU trace: header, lengths and status word only, never a data field (they carry keys
// and personal data).
void logExchange(const apdu::CommandApdu& command, const apdu::ResponseApdu& response) {
    char line[96];
    std::snprintf(line, sizeof line, "%02X %02X %02X %02X Lc=%zu Le=%zu -> %zu bytes SW %04X",
                  command.cla, command.ins, command.p1, command.p2, command.data.size(), command.ne,
                  response.data.size(), response.sw);
    log(LogLevel::Debug, "apdu", line);
}

// ICAO 9303-11 §9.8: two-key 3DES with an 8-byte counter, AES-128/192/256 with a 16-byte one.
void checkKeys(const SessionKeys& keys) {
    bool aes = keys.cipher == SmCipher::Aes;
    auto keyFits = [aes](std::size_t size) {
        return aes ? size == 16 || size == 24 || size == 32 : size == 16;
    };
    if (!keyFits(keys.ksEnc.size()) || !keyFits(keys.ksMac.size()) ||
        keys.ssc.size() != (aes ? 16u : 8u)) {
        throw Error(ErrorCode::InvalidArgument,
                    "secure messaging: key or counter size does not fit the cipher");
    }
}

} // namespace

// The protected response is DO87 || DO99 || DO8E || SW1 SW2. DO87's length field takes one byte
// up to 127, 81 XX up to 255, 82 XXXX up to 65,535 (ISO/IEC 8825-1 §8.1.3), so for each length
// form the cryptogram is what is left, cut to whole blocks and to the form's range. Method-2
// padding (ISO/IEC 9797-1) adds at least one byte, hence a cryptogram of n blocks carries at
// most n * block - 1 plaintext bytes.
std::size_t largestProtectedLe(SmCipher cipher, std::size_t maxResponseSize) {
    const std::size_t block = cipher == SmCipher::Aes ? 16 : 8;

    struct LengthForm {
        std::size_t octets;
        std::size_t maxValue;
    };

    constexpr LengthForm Forms[] = {{1, 0x7F}, {2, 0xFF}, {3, 0xFFFF}, {4, 0xFFFFFF}};
    std::size_t best = 0;
    for (const LengthForm& form : Forms) {
        std::size_t overhead = 1 + form.octets + 1 + Do99Size + Do8ESize + StatusWordSize;
        if (maxResponseSize < overhead + block) {
            continue;
        }
        std::size_t cryptogram = (maxResponseSize - overhead) / block * block;
        cryptogram = std::min(cryptogram, (form.maxValue - 1) / block * block); // L = 1 + crypt.
        if (cryptogram >= block) {
            best = std::max(best, cryptogram - 1);
        }
    }
    return best;
}

SecureMessagingChannel::SecureMessagingChannel(transport::CardChannel& inner, SessionKeys keys)
    : m_inner(inner), m_keys(std::move(keys)) {}

void SecureMessagingChannel::restart(SessionKeys keys) {
    checkKeys(keys);
    m_keys = std::move(keys);
}

void SecureMessagingChannel::resume(SessionKeys keys) {
    checkKeys(keys);
    m_keys = std::move(keys);
    m_broken = false;
    m_lastResponsePlain = false;
}

std::size_t SecureMessagingChannel::blockSize() const {
    return m_keys.cipher == SmCipher::Aes ? 16 : 8;
}

void SecureMessagingChannel::incrementSsc() {
    for (auto it = m_keys.ssc.rbegin(); it != m_keys.ssc.rend(); ++it) {
        if (++*it != 0) {
            break;
        }
    }
}

Bytes SecureMessagingChannel::mac(ByteView data) const {
    Bytes padded = crypto::pad(data, blockSize());
    if (m_keys.cipher == SmCipher::Aes) {
        Bytes full = crypto::aesCmac(m_keys.ksMac, padded);
        return Bytes(full.begin(), full.begin() + MacSize);
    }
    return crypto::retailMac(m_keys.ksMac, padded);
}

// 3DES uses a zero IV (§9.8.6.1); AES uses E(KS_enc, SSC) (§9.8.6.2).
Bytes SecureMessagingChannel::encrypt(ByteView plain) const {
    Bytes padded = crypto::pad(plain, blockSize());
    if (m_keys.cipher == SmCipher::Aes) {
        Bytes iv = crypto::aesEncryptBlock(m_keys.ksEnc, m_keys.ssc);
        return crypto::aesCbcEncrypt(m_keys.ksEnc, iv, padded);
    }
    return crypto::tdesCbcEncrypt(m_keys.ksEnc, Bytes(8, 0), padded);
}

Bytes SecureMessagingChannel::decrypt(ByteView cipherText) const {
    if (cipherText.empty() || cipherText.size() % blockSize() != 0) {
        smFailure("cryptogram is not a whole number of blocks");
    }
    Bytes plain;
    if (m_keys.cipher == SmCipher::Aes) {
        Bytes iv = crypto::aesEncryptBlock(m_keys.ksEnc, m_keys.ssc);
        plain = crypto::aesCbcDecrypt(m_keys.ksEnc, iv, cipherText);
    } else {
        plain = crypto::tdesCbcDecrypt(m_keys.ksEnc, Bytes(8, 0), cipherText);
    }
    SecureBytes wiped(std::move(plain));
    return crypto::unpad(wiped);
}

apdu::CommandApdu SecureMessagingChannel::protect(const apdu::CommandApdu& command) {
    incrementSsc();
    Bytes header{static_cast<std::uint8_t>(command.cla | SmClaBits), command.ins, command.p1,
                 command.p2};
    // The plain command's form decides: a short Le of 00 stays short even though the protected
    // answer to it could not hold 256 plaintext bytes (the reader asks for what fits).
    bool extended = command.isExtended();

    // An odd INS (READ BINARY B1) has BER-TLV data: DO'85' without the padding-content
    // indicator instead of DO'87' (ICAO 9303-11 §9.8.4).
    bool oddIns = (command.ins & 0x01) != 0;
    Bytes body;
    if (!command.data.empty()) {
        Bytes cryptogram = oddIns ? Bytes() : Bytes{PaddingIndicator};
        append(cryptogram, encrypt(command.data));
        append(body, tlv::encode(oddIns ? TagDo85 : TagDo87, cryptogram));
    }
    if (command.ne > 0) {
        append(body, tlv::encode(TagDo97, encodeLe(command.ne, extended)));
    }

    Bytes n = m_keys.ssc;
    append(n, crypto::pad(header, blockSize()));
    append(n, body);
    append(body, tlv::encode(TagDo8E, mac(n)));
    extended = extended || body.size() > apdu::ShortNcMax;

    apdu::CommandApdu out{header[0],       command.ins, command.p1, command.p2,
                          std::move(body), 0,           extended};
    out.ne = extended ? apdu::ExtendedNeMax : apdu::ShortNeMax;
    return out;
}

apdu::ResponseApdu SecureMessagingChannel::unprotect(const apdu::ResponseApdu& response) {
    incrementSsc();
    m_lastResponsePlain = response.data.empty();
    if (response.data.empty()) {
        // Cards may answer an error status unprotected; success never comes without a MAC, and
        // a plain 6CXX means the card dropped the session (ICAO 9303-11 §9.8.5).
        if (response.isSuccess() || response.is(apdu::StatusWord::SmDataObjectsMissing) ||
            response.is(apdu::StatusWord::SmDataObjectsIncorrect) ||
            apdu::sw1(response.sw) == apdu::WrongLe) {
            m_broken = true;
            smFailure("card ended secure messaging", response.sw);
        }
        return response;
    }

    std::optional<tlv::Tlv> do87;
    std::optional<tlv::Tlv> do99;
    std::optional<tlv::Tlv> do8e;
    try {
        tlv::TlvReader reader(response.data);
        while (!reader.atEnd()) {
            tlv::Tlv t = reader.next();
            if (t.tag == TagDo87 || t.tag == TagDo85) {
                do87 = t;
            } else if (t.tag == TagDo99) {
                do99 = t;
            } else if (t.tag == TagDo8E) {
                do8e = t;
            }
        }
    } catch (const Error&) {
        m_broken = true;
        smFailure("protected response is not valid BER-TLV");
    }
    if (!do8e || !do99 || do99->value.size() != 2) {
        m_broken = true;
        smFailure("protected response lacks DO99 or DO8E");
    }

    Bytes k = m_keys.ssc;
    if (do87) {
        append(k, do87->encoded);
    }
    append(k, do99->encoded);
    if (!equalConstantTime(mac(k), do8e->value)) {
        m_broken = true;
        log(LogLevel::Warning, "sm", "response MAC mismatch; session closed");
        smFailure("response MAC does not verify");
    }

    apdu::ResponseApdu out;
    out.sw = static_cast<std::uint16_t>(do99->value[0] << 8 | do99->value[1]);
    if (do87) {
        bool indicator = do87->tag == TagDo87;
        if (indicator && (do87->value.empty() || do87->value[0] != PaddingIndicator)) {
            m_broken = true;
            smFailure("DO87 has an unknown padding indicator");
        }
        try {
            out.data = decrypt(indicator ? do87->value.subspan(1) : do87->value);
        } catch (const Error&) {
            m_broken = true;
            throw;
        }
    }
    return out;
}

apdu::ResponseApdu SecureMessagingChannel::send(const apdu::CommandApdu& command) {
    if (m_broken) {
        throw Error(ErrorCode::SecureMessaging, "secure messaging session has ended");
    }
    auto transmit = [this](ByteView bytes) { return m_inner.transmit(bytes); };
    if (!protecting()) {
        // 61XX chains are resolved; 6CXX goes to the caller, as under secure messaging.
        apdu::ResponseApdu plain = apdu::exchange(transmit, command, false);
        logExchange(command, plain);
        return plain;
    }
    apdu::CommandApdu wrapped = protect(command);
    // DO87, DO97 and DO8E can push a short command past 255 bytes: the wrapped form decides.
    transport::requireSupportedLength(m_inner, wrapped);
    apdu::ResponseApdu raw;
    try {
        raw = apdu::exchange(transmit, wrapped, false);
    } catch (const Error&) {
        m_broken = true; // the counter has moved on; the card's may not have
        throw;
    }
    apdu::ResponseApdu plain = unprotect(raw);
    logExchange(command, plain);
    return plain;
}

Bytes SecureMessagingChannel::transmit(ByteView commandApdu) {
    return send(apdu::CommandApdu::decode(commandApdu)).encode();
}

std::size_t SecureMessagingChannel::maxPlaintextResponse(std::size_t ne) const {
    return largestProtectedLe(m_keys.cipher, ne + StatusWordSize);
}

transport::ChannelCapabilities SecureMessagingChannel::capabilities() const {
    transport::ChannelCapabilities inner = m_inner.capabilities();
    if (!protecting()) {
        return inner;
    }
    transport::ChannelCapabilities out = inner;
    out.maxResponseDataSize = maxPlaintextResponse(inner.maxResponseDataSize);
    out.maxShortResponseDataSize = maxPlaintextResponse(inner.maxShortResponseDataSize);
    out.maxCommandDataSize = maxPlaintextResponse(inner.maxCommandDataSize);
    return out;
}

} // namespace cccd::sm
