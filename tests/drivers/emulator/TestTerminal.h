#pragma once

// A minimal terminal for driving the emulated card in tests: BAC and 3DES secure messaging as
// ICAO 9303-11 §4.3 and §9.8 describe them, written here, not taken from the SDK's terminal
// side, so that card tests do not depend on the code they will later check.

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "base/Bytes.h"
#include "base/Error.h"
#include "crypto/Cipher.h"
#include "crypto/Hash.h"
#include "crypto/Kdf.h"
#include "crypto/Mac.h"
#include "crypto/Padding.h"
#include "emulator/card/EmulatedCard.h"
#include "tlv/Tlv.h"

namespace cccd::emutest {

using namespace cccd::emulator;

inline std::uint16_t statusWord(ByteView response) {
    return static_cast<std::uint16_t>((response[response.size() - 2] << 8) |
                                      response[response.size() - 1]);
}

inline Bytes dataOf(ByteView response) {
    return Bytes(response.begin(), response.end() - 2);
}

class TestTerminal {
public:
    TestTerminal(EmulatedCard& card, std::string mrzInformation)
        : m_card(card), m_mrzInformation(std::move(mrzInformation)) {}

    Bytes plain(ByteView command) { return m_card.transmit(command); }

    Bytes plain(const char* hex) { return m_card.transmit(fromHex(hex)); }

    /// SELECT eMRTD application, GET CHALLENGE, EXTERNAL AUTHENTICATE. Returns the SW of the
    /// authentication; on 9000 the SM keys are ready.
    std::uint16_t bac(bool corruptMac = false) {
        (void)plain("00A4040C07A0000002471001");
        Bytes challenge = plain("0084000008");
        Bytes rndIc = dataOf(challenge);
        Bytes seed = crypto::sha1(toBytes(m_mrzInformation));
        seed.resize(16);
        SecureBytes kEnc = crypto::deriveKey(seed, crypto::KdfCounter::Enc, crypto::KeyType::Tdes);
        SecureBytes kMac = crypto::deriveKey(seed, crypto::KdfCounter::Mac, crypto::KeyType::Tdes);
        Bytes rndIfd = fromHex("0102030405060708");
        Bytes kIfd = fromHex("101112131415161718191A1B1C1D1E1F");
        Bytes s = concat(concat(rndIfd, rndIc), kIfd);
        Bytes eIfd = crypto::tdesCbcEncrypt(kEnc, Bytes(8, 0), s);
        Bytes mIfd = crypto::retailMac(kMac, crypto::pad(eIfd, 8));
        if (corruptMac) {
            mIfd[0] ^= 1;
        }
        Bytes command = fromHex("0082000028");
        append(command, eIfd);
        append(command, mIfd);
        command.push_back(0x28);
        Bytes response = plain(command);
        if (statusWord(response) != 0x9000) {
            return statusWord(response);
        }
        Bytes r = crypto::tdesCbcDecrypt(kEnc, Bytes(8, 0), ByteView(response).first(32));
        Bytes kSeed(16);
        for (std::size_t i = 0; i < 16; ++i) {
            kSeed[i] = static_cast<std::uint8_t>(kIfd[i] ^ r[16 + i]);
        }
        m_ksEnc = crypto::deriveKey(kSeed, crypto::KdfCounter::Enc, crypto::KeyType::Tdes);
        m_ksMac = crypto::deriveKey(kSeed, crypto::KdfCounter::Mac, crypto::KeyType::Tdes);
        m_ssc = concat(ByteView(rndIc).subspan(4), ByteView(rndIfd).subspan(4));
        return 0x9000;
    }

    /// Protects a command; le: nullopt for none, else Ne (extended DO'97' when > 256). An odd
    /// INS carries its data in DO'85', without the padding-content indicator.
    Bytes protect(std::uint8_t ins, std::uint8_t p1, std::uint8_t p2, ByteView data,
                  std::optional<std::size_t> le, bool corruptMac = false) {
        increment();
        Bytes header{0x0C, ins, p1, p2};
        Bytes dos;
        bool odd = (ins & 0x01) != 0;
        if (!data.empty()) {
            Bytes value = odd ? Bytes() : Bytes{0x01};
            append(value, crypto::tdesCbcEncrypt(m_ksEnc, Bytes(8, 0), crypto::pad(data, 8)));
            append(dos, tlv::encode(odd ? 0x85 : 0x87, value));
        }
        bool extended = le && *le > 256;
        if (le) {
            Bytes leBytes = extended ? Bytes{static_cast<std::uint8_t>((*le >> 8) & 0xFF),
                                             static_cast<std::uint8_t>(*le & 0xFF)}
                                     : Bytes{static_cast<std::uint8_t>(*le & 0xFF)};
            append(dos, tlv::encode(0x97, leBytes));
        }
        Bytes macInput = m_ssc;
        append(macInput, crypto::pad(header, 8));
        append(macInput, dos);
        Bytes mac = crypto::retailMac(m_ksMac, crypto::pad(macInput, 8));
        if (corruptMac) {
            mac[0] ^= 1;
        }
        append(dos, tlv::encode(0x8E, mac));
        Bytes apdu;
        apdu.reserve(header.size() + dos.size() + 7);
        append(apdu, header);
        if (extended || dos.size() > 255) {
            apdu.push_back(0);
            apdu.push_back(static_cast<std::uint8_t>(dos.size() >> 8));
            apdu.push_back(static_cast<std::uint8_t>(dos.size() & 0xFF));
            append(apdu, dos);
            apdu.push_back(0);
            apdu.push_back(0);
        } else {
            apdu.push_back(static_cast<std::uint8_t>(dos.size()));
            append(apdu, dos);
            apdu.push_back(0);
        }
        return apdu;
    }

    /// Checks and opens a protected response: data || SW from DO'87' (or DO'85') and DO'99'.
    /// Throws Error(SecureMessaging) when the MAC or the structure is wrong.
    Bytes unprotect(ByteView response) {
        increment();
        tlv::TlvReader reader(ByteView(response).first(response.size() - 2));
        std::optional<tlv::Tlv> do87, do99, do8e;
        while (!reader.atEnd()) {
            tlv::Tlv t = reader.next();
            if (t.tag == 0x87 || t.tag == 0x85) {
                do87 = t;
            } else if (t.tag == 0x99) {
                do99 = t;
            } else if (t.tag == 0x8E) {
                do8e = t;
            }
        }
        if (!do99 || !do8e) {
            throw Error(ErrorCode::SecureMessaging, "missing DO99/DO8E");
        }
        Bytes macInput = m_ssc;
        if (do87) {
            append(macInput, do87->encoded);
        }
        append(macInput, do99->encoded);
        if (crypto::retailMac(m_ksMac, crypto::pad(macInput, 8)) !=
            Bytes(do8e->value.begin(), do8e->value.end())) {
            throw Error(ErrorCode::SecureMessaging, "response MAC");
        }
        Bytes out;
        if (do87) {
            ByteView cryptogram = do87->tag == 0x87 ? do87->value.subspan(1) : do87->value;
            out = crypto::unpad(crypto::tdesCbcDecrypt(m_ksEnc, Bytes(8, 0), cryptogram));
        }
        append(out, do99->value);
        return out;
    }

    /// One protected exchange; returns the unprotected response (data || SW).
    Bytes secure(std::uint8_t ins, std::uint8_t p1, std::uint8_t p2, ByteView data,
                 std::optional<std::size_t> le) {
        Bytes response = m_card.transmit(protect(ins, p1, p2, data, le));
        if (response.size() == 2) {
            return response; // plain SM error status
        }
        return unprotect(response);
    }

    Bytes selectFile(std::uint16_t fid) {
        Bytes data{static_cast<std::uint8_t>(fid >> 8), static_cast<std::uint8_t>(fid & 0xFF)};
        return secure(0xA4, 0x02, 0x0C, data, std::nullopt);
    }

    Bytes readBinary(std::size_t offset, std::size_t le) {
        return secure(0xB0, static_cast<std::uint8_t>(offset >> 8),
                      static_cast<std::uint8_t>(offset & 0xFF), {}, le);
    }

    /// READ BINARY with odd INS B1 on the current EF: the offset in DO'54'; the answer's data
    /// are DO'53'.
    Bytes readBinaryOdd(std::size_t offset, std::size_t le) {
        return secure(0xB1, 0, 0, tlv::encode(0x54, tlv::encodeUnsigned(offset)), le);
    }

    /// Reads a whole file in chunks of `chunk` bytes; stops at the first non-9000 status.
    Bytes readFile(std::uint16_t fid, std::size_t chunk = 223) {
        Bytes selected = selectFile(fid);
        if (statusWord(selected) != 0x9000) {
            throw Error(ErrorCode::CardStatus, "select", statusWord(selected));
        }
        Bytes head = dataOf(readBinary(0, 4));
        std::size_t total = *tlv::encodedSizeFromHeader(head);
        Bytes file = head;
        while (file.size() < total) {
            Bytes part = readBinary(file.size(), std::min(chunk, total - file.size()));
            if (statusWord(part) != 0x9000) {
                throw Error(ErrorCode::CardStatus, "read", statusWord(part));
            }
            append(file, dataOf(part));
        }
        return file;
    }

private:
    void increment() {
        for (auto it = m_ssc.rbegin(); it != m_ssc.rend(); ++it) {
            if (++*it != 0) {
                break;
            }
        }
    }

    EmulatedCard& m_card;
    std::string m_mrzInformation;
    SecureBytes m_ksEnc;
    SecureBytes m_ksMac;
    Bytes m_ssc;
};

} // namespace cccd::emutest
