#include "access/PaceIntegratedMapping.h"

#include <array>
#include <cstdint>

#include "base/Error.h"

namespace cccd::access {

namespace {

// ICAO 9303-11 §4.4.3.3.2: the constants c0 and c1, l = 128 (3DES, AES-128) and l = 256
// (AES-192, AES-256).
constexpr std::array<std::uint8_t, 16> C0Length128 = {
    0xA6, 0x68, 0x89, 0x2A, 0x7C, 0x41, 0xE3, 0xCA, 0x73, 0x9F, 0x40, 0xB0, 0x57, 0xD8, 0x59, 0x04};
constexpr std::array<std::uint8_t, 16> C1Length128 = {
    0xA4, 0xE1, 0x36, 0xAC, 0x72, 0x5F, 0x73, 0x8B, 0x01, 0xC1, 0xF6, 0x02, 0x17, 0xC1, 0x88, 0xAD};
constexpr std::array<std::uint8_t, 32> C0Length256 = {
    0xD4, 0x63, 0xD6, 0x52, 0x34, 0x12, 0x4E, 0xF7, 0x89, 0x70, 0x54, 0x98, 0x6D, 0xCA, 0x0A, 0x17,
    0x4E, 0x28, 0xDF, 0x75, 0x8C, 0xBA, 0xA0, 0x3F, 0x24, 0x06, 0x16, 0x41, 0x4D, 0x5A, 0x16, 0x76};
constexpr std::array<std::uint8_t, 32> C1Length256 = {
    0x54, 0xBD, 0x72, 0x55, 0xF0, 0xAA, 0xF8, 0x31, 0xBE, 0xC3, 0x42, 0x3F, 0xCF, 0x39, 0xD6, 0x9B,
    0x6C, 0xBF, 0x06, 0x66, 0x77, 0xD0, 0xFA, 0xAE, 0x5A, 0xAD, 0xD9, 0x9D, 0xF8, 0xE5, 0x35, 0x17};

constexpr std::size_t SecurityMarginBits = 64; // n * l >= log2 p + 64

// k_i truncated to the key size ("only necessary for AES-192": octets 1 to 24).
SecureBytes truncatedKey(Bytes&& block, std::size_t keySize) {
    SecureBytes whole(std::move(block));
    return SecureBytes(whole.view().first(keySize));
}

} // namespace

std::size_t pacePseudoRandomBlockSize(const PaceCipherSuite& suite) {
    return suite.keySize() <= 16 ? 16 : 32;
}

SecureBytes pacePseudoRandom(const PaceCipherSuite& suite, ByteView nonce, ByteView terminalNonce,
                             std::size_t primeBits) {
    std::size_t keySize = suite.keySize();
    std::size_t l = pacePseudoRandomBlockSize(suite);
    if (terminalNonce.size() != keySize) {
        throw Error(ErrorCode::InvalidArgument, "PACE: the terminal's nonce t has a wrong size");
    }
    if (nonce.size() != l) {
        throw Error(ErrorCode::MalformedData, "PACE: the chip's nonce s has a wrong size");
    }
    ByteView c0 = l == 16 ? ByteView(C0Length128) : ByteView(C0Length256);
    ByteView c1 = l == 16 ? ByteView(C1Length128) : ByteView(C1Length256);
    std::size_t blocks = (primeBits + SecurityMarginBits + 8 * l - 1) / (8 * l);

    SecureBytes key = truncatedKey(suite.encrypt(terminalNonce, nonce), keySize);
    Bytes output;
    output.reserve(blocks * l);
    for (std::size_t i = 0; i < blocks; ++i) {
        append(output, suite.encrypt(key, c1));
        key = truncatedKey(suite.encrypt(key, c0), keySize);
    }
    return SecureBytes(std::move(output));
}

} // namespace cccd::access
