#include "PlainTraceChannel.h"

#include "access/Bac.h"
#include "apdu/CommandApdu.h"
#include "apdu/ResponseApdu.h"
#include "base/Error.h"
#include "crypto/Cipher.h"
#include "crypto/Kdf.h"
#include "crypto/Padding.h"
#include "tlv/Tlv.h"

namespace cccd::readertest {

namespace {

constexpr std::uint8_t ClaSecureMessaging = 0x0C;
constexpr std::uint8_t InsExternalAuthenticate = 0x82;
constexpr std::uint8_t InsSelect = 0xA4;
constexpr std::uint8_t InsReadBinary = 0xB0;
constexpr std::size_t CryptogramSize = 32; // E_IFD / E_IC of BAC
constexpr std::size_t KeyShareOffset = 16; // K.IFD / K.IC after the two nonces

const Bytes ZeroIv(8, 0);

std::size_t decodeLe(ByteView le) {
    std::size_t value = 0;
    for (std::uint8_t b : le) {
        value = value << 8 | b;
    }
    if (value == 0) {
        return le.size() == 1 ? 256 : 65536;
    }
    return value;
}

} // namespace

PlainTraceChannel::PlainTraceChannel(transport::CardChannel& inner,
                                     const std::string& mrzInformation)
    : m_inner(inner), m_bacKeyEnc(access::deriveBacKeys(toBytes(mrzInformation)).kEnc) {}

Bytes PlainTraceChannel::transmit(ByteView commandApdu) {
    Bytes response = m_inner.transmit(commandApdu);
    record(commandApdu, response);
    return response;
}

// S = RND.IFD || RND.IC || K.IFD and R = RND.IC || RND.IFD || K.IC (ICAO 9303-11 §4.3.4.2);
// the session seed is K.IFD xor K.IC (§9.7.1).
void PlainTraceChannel::learnSessionKey(ByteView command, ByteView response) {
    if (command.size() < CryptogramSize || response.size() < CryptogramSize) {
        return;
    }
    Bytes s = crypto::tdesCbcDecrypt(m_bacKeyEnc, ZeroIv, command.first(CryptogramSize));
    Bytes r = crypto::tdesCbcDecrypt(m_bacKeyEnc, ZeroIv, response.first(CryptogramSize));
    Bytes seed(s.begin() + KeyShareOffset, s.end());
    for (std::size_t i = 0; i < seed.size(); ++i) {
        seed[i] ^= r[KeyShareOffset + i];
    }
    m_sessionKeyEnc = crypto::deriveKey(seed, crypto::KdfCounter::Enc, crypto::KeyType::Tdes);
}

// 3DES secure messaging encrypts with a zero IV (ICAO 9303-11 §9.8.6.1), so no SSC is needed.
Bytes PlainTraceChannel::decrypt(ByteView do87Value) const {
    if (do87Value.size() < 2) {
        return {};
    }
    return crypto::unpad(crypto::tdesCbcDecrypt(m_sessionKeyEnc, ZeroIv, do87Value.subspan(1)));
}

void PlainTraceChannel::record(ByteView commandApdu, ByteView responseApdu) {
    apdu::CommandApdu command = apdu::CommandApdu::decode(commandApdu);
    apdu::ResponseApdu response = apdu::ResponseApdu::decode(responseApdu);
    PlainExchange e{command.cla == ClaSecureMessaging,
                    command.ins,
                    command.p1,
                    command.p2,
                    command.data,
                    command.ne,
                    command.isExtended() && command.ne > 0,
                    command.isExtended(),
                    response.data.size(),
                    response.sw};
    if (!e.secured) {
        if (command.ins == InsExternalAuthenticate && response.isSuccess()) {
            learnSessionKey(command.data, response.data);
        }
        m_exchanges.push_back(std::move(e));
        return;
    }

    // A tap must never fail the exchange it watches: what does not decode stays as sent.
    try {
        e.data.clear();
        e.ne = 0;
        e.extendedLe = false;
        for (tlv::TlvReader in(command.data); !in.atEnd();) {
            tlv::Tlv t = in.next();
            if (t.tag == 0x87) {
                e.data = decrypt(t.value);
            } else if (t.tag == 0x97) {
                e.ne = decodeLe(t.value);
                e.extendedLe = t.value.size() == 2;
            }
        }
        e.responseSize = 0;
        for (tlv::TlvReader in(response.data); !in.atEnd();) {
            tlv::Tlv t = in.next();
            if (t.tag == 0x87) {
                e.responseSize = decrypt(t.value).size();
            } else if (t.tag == 0x99 && t.value.size() == 2) {
                e.sw = static_cast<std::uint16_t>(t.value[0] << 8 | t.value[1]);
            }
        }
    } catch (const Error&) {
        e.sw = 0;
    }
    m_exchanges.push_back(std::move(e));
}

std::vector<FileReads> PlainTraceChannel::fileReads() const {
    std::vector<FileReads> out;
    for (const PlainExchange& e : m_exchanges) {
        if (e.ins == InsSelect && e.p1 == 0x02 && e.data.size() == 2) {
            out.push_back({static_cast<std::uint16_t>(e.data[0] << 8 | e.data[1]), {}});
        } else if (e.ins == InsReadBinary && !out.empty()) {
            out.back().reads.push_back(e);
        }
    }
    return out;
}

} // namespace cccd::readertest
