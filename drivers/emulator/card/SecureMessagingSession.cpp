#include "emulator/card/SecureMessagingSession.h"

#include "base/Error.h"
#include "crypto/Cipher.h"
#include "crypto/Mac.h"
#include "crypto/Padding.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

// Data object tags of ICAO 9303-11 §9.8.4 / ISO/IEC 7816-4 §10.4.
constexpr std::uint32_t TagCryptogramPadded = 0x87; // padding-content indicator 01 + cryptogram
constexpr std::uint32_t TagCryptogramOdd = 0x85;    // odd INS: cryptogram, no indicator byte
constexpr std::uint32_t TagLe = 0x97;
constexpr std::uint32_t TagStatus = 0x99;
constexpr std::uint32_t TagMac = 0x8E;
constexpr std::uint8_t PaddingIndicator = 0x01;
constexpr std::size_t MacSize = 8;

// ICAO 9303-11 §9.8.6.1 (3DES) and §9.8.6.2 (AES): block and send sequence counter sizes.
constexpr std::size_t TdesBlockSize = 8;
constexpr std::size_t AesBlockSize = 16;

void checkKeys(const SessionKeys& keys) {
    bool tdes = keys.cipher == SmCipher::Tdes;
    std::size_t ssc = tdes ? TdesBlockSize : AesBlockSize;
    bool keySizes = tdes ? keys.encryptionKey.size() == 16 && keys.macKey.size() == 16
                         : (keys.encryptionKey.size() == 16 || keys.encryptionKey.size() == 24 ||
                            keys.encryptionKey.size() == 32) &&
                               keys.macKey.size() == keys.encryptionKey.size();
    if (!keySizes || keys.ssc.size() != ssc) {
        throw Error(ErrorCode::InvalidArgument, "secure messaging keys or SSC of the wrong size");
    }
}

std::size_t decodeLe(ByteView value) {
    if (value.size() == 1) {
        return value[0] == 0 ? 256 : value[0];
    }
    std::size_t le = (static_cast<std::size_t>(value[0]) << 8) | value[1];
    return le == 0 ? 65536 : le;
}

} // namespace

SecureMessagingSession::SecureMessagingSession(SessionKeys keys) {
    restart(std::move(keys));
}

void SecureMessagingSession::restart(SessionKeys keys) {
    checkKeys(keys);
    m_keys = std::move(keys);
}

std::size_t SecureMessagingSession::blockSize() const {
    return m_keys.cipher == SmCipher::Tdes ? TdesBlockSize : AesBlockSize;
}

void SecureMessagingSession::incrementSsc() {
    for (auto it = m_keys.ssc.rbegin(); it != m_keys.ssc.rend(); ++it) {
        if (++*it != 0) {
            break;
        }
    }
}

// The MAC over SSC || data, padded: the retail MAC for 3DES (§9.8.6.1), AES-CMAC truncated to
// 8 bytes for AES (§9.8.6.2).
Bytes SecureMessagingSession::macWithSsc(ByteView data) const {
    Bytes input(m_keys.ssc.begin(), m_keys.ssc.end());
    append(input, data);
    Bytes padded = crypto::pad(input, blockSize());
    if (m_keys.cipher == SmCipher::Tdes) {
        return crypto::retailMac(m_keys.macKey, padded);
    }
    Bytes mac = crypto::aesCmac(m_keys.macKey, padded);
    mac.resize(MacSize);
    return mac;
}

// 3DES-CBC with a zero IV (§9.8.6.1); AES-CBC with IV = E(KS_enc, SSC) (§9.8.6.2).
Bytes SecureMessagingSession::encrypt(ByteView plain) const {
    Bytes padded = crypto::pad(plain, blockSize());
    if (m_keys.cipher == SmCipher::Tdes) {
        return crypto::tdesCbcEncrypt(m_keys.encryptionKey, Bytes(TdesBlockSize, 0), padded);
    }
    Bytes iv = crypto::aesEncryptBlock(m_keys.encryptionKey, m_keys.ssc);
    return crypto::aesCbcEncrypt(m_keys.encryptionKey, iv, padded);
}

Bytes SecureMessagingSession::decrypt(ByteView cipherText) const {
    if (m_keys.cipher == SmCipher::Tdes) {
        return crypto::unpad(
            crypto::tdesCbcDecrypt(m_keys.encryptionKey, Bytes(TdesBlockSize, 0), cipherText));
    }
    Bytes iv = crypto::aesEncryptBlock(m_keys.encryptionKey, m_keys.ssc);
    return crypto::unpad(crypto::aesCbcDecrypt(m_keys.encryptionKey, iv, cipherText));
}

std::variant<CommandApdu, StatusWord>
SecureMessagingSession::unwrapCommand(const CommandApdu& outer) {
    incrementSsc();

    // The command data are DO'87' or DO'85', then DO'97', then DO'8E', each at most once.
    std::optional<tlv::Tlv> cryptogram;
    std::optional<tlv::Tlv> le;
    std::optional<tlv::Tlv> mac;
    try {
        tlv::TlvReader reader(outer.data);
        while (!reader.atEnd()) {
            tlv::Tlv object = reader.next();
            std::optional<tlv::Tlv>* slot = nullptr;
            if (object.tag == TagCryptogramPadded || object.tag == TagCryptogramOdd) {
                slot = &cryptogram;
            } else if (object.tag == TagLe) {
                slot = &le;
            } else if (object.tag == TagMac) {
                slot = &mac;
            }
            if (slot == nullptr || slot->has_value() || mac.has_value()) {
                return StatusWord::SmDataObjectsIncorrect; // unknown, repeated or after the MAC
            }
            *slot = object;
        }
    } catch (const Error&) {
        return StatusWord::SmDataObjectsIncorrect;
    }
    if (!mac) {
        return StatusWord::SmDataObjectsMissing;
    }

    // MAC input: SSC || pad(CLA INS P1 P2) || DO'87' || DO'97', padded (ICAO 9303-11 §9.8.6).
    Bytes header{outer.cla, outer.ins, outer.p1, outer.p2};
    Bytes macInput = crypto::pad(header, blockSize());
    if (cryptogram) {
        append(macInput, cryptogram->encoded);
    }
    if (le) {
        append(macInput, le->encoded);
    }
    if (mac->value.size() != MacSize || !equalConstantTime(macWithSsc(macInput), mac->value)) {
        return StatusWord::SmDataObjectsIncorrect;
    }

    CommandApdu inner{static_cast<std::uint8_t>(outer.cla & ~0x0C),
                      outer.ins,
                      outer.p1,
                      outer.p2,
                      {},
                      std::nullopt,
                      outer.extended};
    if (le) {
        if (le->value.empty() || le->value.size() > 2) {
            return StatusWord::SmDataObjectsIncorrect;
        }
        inner.ne = decodeLe(le->value);
        inner.extended = inner.extended || le->value.size() == 2;
    }
    if (cryptogram) {
        ByteView encrypted = cryptogram->value;
        if (cryptogram->tag == TagCryptogramPadded) {
            if (encrypted.empty() || encrypted[0] != PaddingIndicator) {
                return StatusWord::SmDataObjectsIncorrect;
            }
            encrypted = encrypted.subspan(1);
        }
        if (encrypted.empty() || encrypted.size() % blockSize() != 0) {
            return StatusWord::SmDataObjectsIncorrect;
        }
        try {
            inner.data = decrypt(encrypted);
        } catch (const Error&) {
            return StatusWord::SmDataObjectsIncorrect;
        }
    }
    return inner;
}

Bytes SecureMessagingSession::wrapResponse(ByteView data, std::uint16_t statusWord,
                                           const ResponseFaults& faults, bool oddIns) {
    for (int step = 0; step < faults.sscSteps; ++step) {
        incrementSsc();
    }

    Bytes do87;
    if (!data.empty()) {
        Bytes value = oddIns ? Bytes() : Bytes{PaddingIndicator};
        append(value, encrypt(data));
        if (faults.corruptCryptogram) {
            value.back() ^= 0x01;
        }
        do87 = tlv::encode(oddIns ? TagCryptogramOdd : TagCryptogramPadded, value);
    }
    Bytes sw{static_cast<std::uint8_t>(statusWord >> 8),
             static_cast<std::uint8_t>(statusWord & 0xFF)};
    Bytes do99 = tlv::encode(TagStatus, sw);

    // The MAC covers SSC || DO'87' || DO'99', padded (ICAO 9303-11 §9.8.6.2).
    Bytes mac = macWithSsc(concat(do87, do99));
    if (faults.corruptMac) {
        mac[0] ^= 0x01;
    }
    Bytes do8e = tlv::encode(TagMac, mac);

    Bytes body;
    if (faults.dropObject != TagCryptogramPadded) {
        append(body, do87);
    }
    if (faults.dropObject != TagStatus) {
        append(body, do99);
    }
    if (faults.dropObject != TagMac) {
        append(body, do8e);
    }
    return responseApdu(body, statusWord);
}

} // namespace cccd::emulator
