#include "crypto/Cipher.h"

#include "base/Error.h"
#include "base/SecureBytes.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::crypto {

namespace {

const EVP_CIPHER* aesCbc(std::size_t keySize) {
    switch (keySize) {
    case 16:
        return EVP_aes_128_cbc();
    case 24:
        return EVP_aes_192_cbc();
    case 32:
        return EVP_aes_256_cbc();
    default:
        throw Error(ErrorCode::InvalidArgument, "AES key must be 16, 24 or 32 bytes");
    }
}

// Single DES sits in OpenSSL 3's legacy provider; two-key 3DES with K || K computes the same
// E_K(D_K(E_K(x))) = E_K(x) from the default provider.
SecureBytes doubledKey(ByteView key8) {
    SecureBytes key;
    key.reserve(2 * key8.size());
    key.append(key8);
    key.append(key8);
    return key;
}

Bytes run(const EVP_CIPHER* cipher, ByteView key, ByteView iv, ByteView data, bool encrypt,
          std::size_t blockSize) {
    if (data.size() % blockSize != 0) {
        throw Error(ErrorCode::InvalidArgument, "cipher input is not a whole number of blocks");
    }
    if (!iv.empty() && iv.size() != blockSize) {
        throw Error(ErrorCode::InvalidArgument, "IV size differs from the block size");
    }
    EvpCipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx || EVP_CipherInit_ex(ctx.get(), cipher, nullptr, key.data(),
                                  iv.empty() ? nullptr : iv.data(), encrypt ? 1 : 0) != 1) {
        throwOpenSslFailure("cipher init");
    }
    EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
    Bytes out(data.size() + blockSize);
    int written = 0;
    int final = 0;
    if (EVP_CipherUpdate(ctx.get(), out.data(), &written, data.data(),
                         static_cast<int>(data.size())) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), out.data() + written, &final) != 1) {
        throwOpenSslFailure("cipher update");
    }
    out.resize(static_cast<std::size_t>(written + final));
    return out;
}

void requireTdesKey(ByteView key) {
    if (key.size() != 16) {
        throw Error(ErrorCode::InvalidArgument, "two-key 3DES needs a 16-byte key");
    }
}

} // namespace

Bytes tdesCbcEncrypt(ByteView key, ByteView iv, ByteView data) {
    requireTdesKey(key);
    return run(EVP_des_ede_cbc(), key, iv, data, true, 8);
}

Bytes tdesCbcDecrypt(ByteView key, ByteView iv, ByteView data) {
    requireTdesKey(key);
    return run(EVP_des_ede_cbc(), key, iv, data, false, 8);
}

Bytes aesCbcEncrypt(ByteView key, ByteView iv, ByteView data) {
    return run(aesCbc(key.size()), key, iv, data, true, 16);
}

Bytes aesCbcDecrypt(ByteView key, ByteView iv, ByteView data) {
    return run(aesCbc(key.size()), key, iv, data, false, 16);
}

Bytes aesEncryptBlock(ByteView key, ByteView block) {
    if (block.size() != 16) {
        throw Error(ErrorCode::InvalidArgument, "AES block must be 16 bytes");
    }
    static const Bytes ZeroIv(16, 0);
    return run(aesCbc(key.size()), key, ZeroIv, block, true, 16);
}

Bytes desEncryptBlock(ByteView key8, ByteView block) {
    if (key8.size() != 8 || block.size() != 8) {
        throw Error(ErrorCode::InvalidArgument, "DES needs an 8-byte key and block");
    }
    return run(EVP_des_ede_ecb(), doubledKey(key8), {}, block, true, 8);
}

Bytes desDecryptBlock(ByteView key8, ByteView block) {
    if (key8.size() != 8 || block.size() != 8) {
        throw Error(ErrorCode::InvalidArgument, "DES needs an 8-byte key and block");
    }
    return run(EVP_des_ede_ecb(), doubledKey(key8), {}, block, false, 8);
}

} // namespace cccd::crypto
