#include "emulator/card/PacePseudoRandom.h"

#include <array>

#include "base/Error.h"
#include "crypto/Cipher.h"

namespace cccd::emulator {

namespace {

// ICAO 9303-11 §4.4.3.3.2: the constants c0 and c1 for l = 128 and l = 256.
constexpr std::array<std::uint8_t, 16> C0Short{0xA6, 0x68, 0x89, 0x2A, 0x7C, 0x41, 0xE3, 0xCA,
                                               0x73, 0x9F, 0x40, 0xB0, 0x57, 0xD8, 0x59, 0x04};
constexpr std::array<std::uint8_t, 16> C1Short{0xA4, 0xE1, 0x36, 0xAC, 0x72, 0x5F, 0x73, 0x8B,
                                               0x01, 0xC1, 0xF6, 0x02, 0x17, 0xC1, 0x88, 0xAD};
constexpr std::array<std::uint8_t, 32> C0Long{
    0xD4, 0x63, 0xD6, 0x52, 0x34, 0x12, 0x4E, 0xF7, 0x89, 0x70, 0x54, 0x98, 0x6D, 0xCA, 0x0A, 0x17,
    0x4E, 0x28, 0xDF, 0x75, 0x8C, 0xBA, 0xA0, 0x3F, 0x24, 0x06, 0x16, 0x41, 0x4D, 0x5A, 0x16, 0x76};
constexpr std::array<std::uint8_t, 32> C1Long{
    0x54, 0xBD, 0x72, 0x55, 0xF0, 0xAA, 0xF8, 0x31, 0xBE, 0xC3, 0x42, 0x3F, 0xCF, 0x39, 0xD6, 0x9B,
    0x6C, 0xBF, 0x06, 0x66, 0x77, 0xD0, 0xFA, 0xAE, 0x5A, 0xAD, 0xD9, 0x9D, 0xF8, 0xE5, 0x35, 0x17};

constexpr std::size_t TdesBlockSize = 8;
constexpr std::size_t AesBlockSize = 16;

// E(key, data) in CBC mode with a zero IV.
Bytes encrypt(const PaceProtocol& protocol, ByteView key, ByteView data) {
    if (protocol.cipher == SmCipher::Tdes) {
        return crypto::tdesCbcEncrypt(key, Bytes(TdesBlockSize, 0), data);
    }
    return crypto::aesCbcEncrypt(key, Bytes(AesBlockSize, 0), data);
}

// The next key: the cipher's output truncated to the key length.
SecureBytes nextKey(const PaceProtocol& protocol, ByteView key, ByteView data) {
    SecureBytes out(encrypt(protocol, key, data));
    return SecureBytes(out.view().first(paceKeySize(protocol)));
}

} // namespace

std::size_t paceKeySize(const PaceProtocol& protocol) {
    switch (protocol.keyType) {
    case crypto::KeyType::Tdes:
    case crypto::KeyType::Aes128:
        return 16;
    case crypto::KeyType::Aes192:
        return 24;
    case crypto::KeyType::Aes256:
        return 32;
    }
    return 16;
}

SecureBytes pacePseudoRandom(const PaceProtocol& protocol, ByteView nonce, ByteView terminalNonce,
                             std::size_t fieldBits) {
    std::size_t keySize = paceKeySize(protocol);
    bool longBlocks = keySize > 16;
    ByteView c0 = longBlocks ? ByteView(C0Long) : ByteView(C0Short);
    ByteView c1 = longBlocks ? ByteView(C1Long) : ByteView(C1Short);
    if (terminalNonce.size() != keySize || nonce.size() < keySize ||
        nonce.size() % c0.size() != 0) {
        throw Error(ErrorCode::InvalidArgument, "PACE IM: nonce of the wrong length");
    }

    // n blocks of l bits with n * l >= log2 p + 64.
    std::size_t bits = c1.size() * 8;
    std::size_t blocks = (fieldBits + 64 + bits - 1) / bits;
    SecureBytes key = nextKey(protocol, terminalNonce, nonce);
    Bytes output;
    for (std::size_t i = 0; i < blocks; ++i) {
        append(output, encrypt(protocol, key, c1));
        key = nextKey(protocol, key, c0);
    }
    return SecureBytes(std::move(output));
}

} // namespace cccd::emulator
