#pragma once

#include <memory>

#include <openssl/evp.h>

namespace cccd::crypto {

struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};

struct MdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

/// Throws Error(Crypto) naming the failed step, with OpenSSL's queue cleared.
[[noreturn]] void throwOpenSslError(const char* step);

} // namespace cccd::crypto
