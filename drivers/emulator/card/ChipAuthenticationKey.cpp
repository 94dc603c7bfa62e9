#include "emulator/card/ChipAuthenticationKey.h"

#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include "base/Error.h"

namespace cccd::emulator {

namespace {

using ParamPtr = crypto::OpenSslPtr<OSSL_PARAM, OSSL_PARAM_free>;
using ParamBuildPtr = crypto::OpenSslPtr<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using PkeyCtxPtr = crypto::OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;

constexpr std::uint8_t UncompressedPoint = 0x04; // BSI TR-03111 §3.2.1

bool isEc(const EVP_PKEY* key) {
    return EVP_PKEY_get_base_id(key) == EVP_PKEY_EC;
}

bool isDh(const EVP_PKEY* key) {
    int id = EVP_PKEY_get_base_id(key);
    return id == EVP_PKEY_DH || id == EVP_PKEY_DHX;
}

} // namespace

ChipAuthenticationKey::ChipAuthenticationKey(ByteView privateKeyPem) {
    crypto::BioPtr bio(
        BIO_new_mem_buf(privateKeyPem.data(), static_cast<int>(privateKeyPem.size())));
    if (bio) {
        m_key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    }
    if (!m_key || (!isEc(m_key.get()) && !isDh(m_key.get()))) {
        crypto::clearOpenSslErrors();
        throw Error(ErrorCode::InvalidArgument,
                    "chip authentication: the key is not an EC or DH private key in PEM");
    }
}

ChipAuthenticationProtocol::KeyAgreement ChipAuthenticationKey::keyAgreement() const {
    return isEc(m_key.get()) ? ChipAuthenticationProtocol::KeyAgreement::Ecdh
                             : ChipAuthenticationProtocol::KeyAgreement::Dh;
}

// The terminal's key on the chip's domain parameters. Importing checks that an EC point lies on
// the curve; the key agreement below checks the DH value against p (and q when known).
crypto::EvpPkeyPtr ChipAuthenticationKey::terminalKey(ByteView publicKey) const {
    OSSL_PARAM* exported = nullptr;
    if (EVP_PKEY_todata(m_key.get(), EVP_PKEY_KEY_PARAMETERS, &exported) != 1) {
        crypto::throwOpenSslFailure("chip authentication: domain parameters");
    }
    ParamPtr domain(exported);

    ParamBuildPtr build(OSSL_PARAM_BLD_new());
    crypto::BignumPtr y;
    bool pushed = false;
    if (build && isEc(m_key.get())) {
        pushed = OSSL_PARAM_BLD_push_octet_string(build.get(), OSSL_PKEY_PARAM_PUB_KEY,
                                                  publicKey.data(), publicKey.size()) == 1;
    } else if (build) {
        y.reset(BN_bin2bn(publicKey.data(), static_cast<int>(publicKey.size()), nullptr));
        pushed = y && OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_PUB_KEY, y.get()) == 1;
    }
    ParamPtr value(pushed ? OSSL_PARAM_BLD_to_param(build.get()) : nullptr);
    ParamPtr all(value ? OSSL_PARAM_merge(domain.get(), value.get()) : nullptr);
    PkeyCtxPtr context(
        EVP_PKEY_CTX_new_from_name(nullptr, EVP_PKEY_get0_type_name(m_key.get()), nullptr));
    if (!all || !context || EVP_PKEY_fromdata_init(context.get()) != 1) {
        crypto::throwOpenSslFailure("chip authentication: terminal key");
    }
    EVP_PKEY* key = nullptr;
    if (EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, all.get()) != 1) {
        crypto::clearOpenSslErrors();
        return nullptr;
    }
    return crypto::EvpPkeyPtr(key);
}

std::optional<SecureBytes> ChipAuthenticationKey::sharedSecret(ByteView terminalPublicKey) const {
    // Only the uncompressed point travels in Chip Authentication (BSI TR-03110-3 §B.2.1).
    if (terminalPublicKey.empty() ||
        (isEc(m_key.get()) && terminalPublicKey[0] != UncompressedPoint)) {
        return std::nullopt;
    }
    crypto::EvpPkeyPtr peer = terminalKey(terminalPublicKey);
    if (!peer) {
        return std::nullopt;
    }

    // EVP_PKEY_derive_set_peer validates the peer key: the point, or 1 < y < p - 1 (and
    // y^q = 1 when q is known). DH keeps leading zeros so that K is as long as p.
    PkeyCtxPtr context(EVP_PKEY_CTX_new_from_pkey(nullptr, m_key.get(), nullptr));
    if (!context || EVP_PKEY_derive_init(context.get()) != 1 ||
        (isDh(m_key.get()) && EVP_PKEY_CTX_set_dh_pad(context.get(), 1) != 1)) {
        crypto::throwOpenSslFailure("chip authentication: key agreement");
    }
    if (EVP_PKEY_derive_set_peer(context.get(), peer.get()) != 1) {
        crypto::clearOpenSslErrors();
        return std::nullopt;
    }
    std::size_t size = 0;
    if (EVP_PKEY_derive(context.get(), nullptr, &size) != 1) {
        crypto::throwOpenSslFailure("chip authentication: key agreement");
    }
    Bytes secret(size);
    if (EVP_PKEY_derive(context.get(), secret.data(), &size) != 1) {
        secureWipe(secret.data(), secret.size());
        crypto::clearOpenSslErrors();
        return std::nullopt;
    }
    secret.resize(size);
    return SecureBytes(std::move(secret));
}

} // namespace cccd::emulator
