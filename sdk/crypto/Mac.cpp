#include "crypto/Mac.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "base/Error.h"
#include "crypto/Cipher.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::crypto {

// ISO/IEC 9797-1 §7.1.3 MAC algorithm 3: CBC-MAC with Ka, then the output transformation
// D_Kb followed by E_Ka on the last block.
Bytes retailMac(ByteView key, ByteView paddedData) {
    if (key.size() != 16) {
        throw Error(ErrorCode::InvalidArgument, "retail MAC needs a 16-byte key");
    }
    if (paddedData.empty() || paddedData.size() % 8 != 0) {
        throw Error(ErrorCode::InvalidArgument, "retail MAC input must be padded to 8 bytes");
    }
    ByteView ka = key.first(8);
    ByteView kb = key.subspan(8, 8);
    Bytes chain(8, 0);
    for (std::size_t offset = 0; offset < paddedData.size(); offset += 8) {
        for (std::size_t i = 0; i < 8; ++i) {
            chain[i] ^= paddedData[offset + i];
        }
        chain = desEncryptBlock(ka, chain);
    }
    return desEncryptBlock(ka, desDecryptBlock(kb, chain));
}

namespace {

const char* aesCbcName(std::size_t keySize) {
    switch (keySize) {
    case 16:
        return "AES-128-CBC";
    case 24:
        return "AES-192-CBC";
    case 32:
        return "AES-256-CBC";
    default:
        throw Error(ErrorCode::InvalidArgument, "AES key must be 16, 24 or 32 bytes");
    }
}

// One EVP_MAC computation (OpenSSL 3 provider API) with the algorithm's parameters.
Bytes evpMac(const char* algorithm, OSSL_PARAM* params, ByteView key, ByteView data,
             std::size_t size) {
    EvpMacPtr mac(EVP_MAC_fetch(nullptr, algorithm, nullptr));
    if (!mac) {
        throwOpenSslFailure(std::string(algorithm) + " fetch");
    }
    EvpMacCtxPtr ctx(EVP_MAC_CTX_new(mac.get()));
    Bytes out(size);
    std::size_t written = 0;
    // A null key pointer means "keep the previous key" to OpenSSL, even with length 0.
    static const std::uint8_t noKey = 0;
    const std::uint8_t* keyBytes = key.empty() ? &noKey : key.data();
    if (!ctx || EVP_MAC_init(ctx.get(), keyBytes, key.size(), params) != 1 ||
        EVP_MAC_update(ctx.get(), data.data(), data.size()) != 1 ||
        EVP_MAC_final(ctx.get(), out.data(), &written, out.size()) != 1) {
        throwOpenSslFailure(algorithm);
    }
    out.resize(written);
    return out;
}

} // namespace

Bytes aesCmac(ByteView key, ByteView data) {
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER,
                                         const_cast<char*>(aesCbcName(key.size())), 0),
        OSSL_PARAM_construct_end(),
    };
    return evpMac("CMAC", params, key, data, 16);
}

Bytes hmacSha256(ByteView key, ByteView data) {
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>("SHA256"), 0),
        OSSL_PARAM_construct_end(),
    };
    return evpMac("HMAC", params, key, data, 32);
}

} // namespace cccd::crypto
