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

} // namespace

Bytes aesCmac(ByteView key, ByteView data) {
    const char* cipherName = aesCbcName(key.size());
    EvpMacPtr mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr));
    if (!mac) {
        throwOpenSslFailure("CMAC fetch");
    }
    EvpMacCtxPtr ctx(EVP_MAC_CTX_new(mac.get()));
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, const_cast<char*>(cipherName), 0),
        OSSL_PARAM_construct_end(),
    };
    Bytes out(16);
    std::size_t size = 0;
    if (!ctx || EVP_MAC_init(ctx.get(), key.data(), key.size(), params) != 1 ||
        EVP_MAC_update(ctx.get(), data.data(), data.size()) != 1 ||
        EVP_MAC_final(ctx.get(), out.data(), &size, out.size()) != 1) {
        throwOpenSslFailure("CMAC");
    }
    out.resize(size);
    return out;
}

} // namespace cccd::crypto
