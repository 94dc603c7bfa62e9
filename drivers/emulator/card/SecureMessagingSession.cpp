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
constexpr std::size_t BlockSize = 8;
constexpr std::size_t MacSize = 8;
const Bytes ZeroIv(BlockSize, 0);

std::size_t decodeLe(ByteView value) {
    if (value.size() == 1) {
        return value[0] == 0 ? 256 : value[0];
    }
    std::size_t le = (static_cast<std::size_t>(value[0]) << 8) | value[1];
    return le == 0 ? 65536 : le;
}

} // namespace

SecureMessagingSession::SecureMessagingSession(SessionKeys keys) : m_keys(std::move(keys)) {}

void SecureMessagingSession::incrementSsc() {
    for (auto it = m_keys.ssc.rbegin(); it != m_keys.ssc.rend(); ++it) {
        if (++*it != 0) {
            break;
        }
    }
}

Bytes SecureMessagingSession::macWithSsc(ByteView data) const {
    Bytes input(m_keys.ssc.begin(), m_keys.ssc.end());
    append(input, data);
    return crypto::retailMac(m_keys.macKey, crypto::pad(input, BlockSize));
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
    Bytes macInput = crypto::pad(header, BlockSize);
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
        if (encrypted.empty() || encrypted.size() % BlockSize != 0) {
            return StatusWord::SmDataObjectsIncorrect;
        }
        try {
            inner.data =
                crypto::unpad(crypto::tdesCbcDecrypt(m_keys.encryptionKey, ZeroIv, encrypted));
        } catch (const Error&) {
            return StatusWord::SmDataObjectsIncorrect;
        }
    }
    return inner;
}

Bytes SecureMessagingSession::wrapResponse(ByteView data, std::uint16_t statusWord,
                                           const ResponseFaults& faults) {
    incrementSsc();

    Bytes do87;
    if (!data.empty()) {
        Bytes value{PaddingIndicator};
        append(value,
               crypto::tdesCbcEncrypt(m_keys.encryptionKey, ZeroIv, crypto::pad(data, BlockSize)));
        if (faults.corruptCryptogram) {
            value.back() ^= 0x01;
        }
        do87 = tlv::encode(TagCryptogramPadded, value);
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
