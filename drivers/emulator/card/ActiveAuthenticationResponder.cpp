#include "emulator/card/ActiveAuthenticationResponder.h"

#include <array>

#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "base/Error.h"
#include "crypto/EvpDigest.h"

namespace cccd::emulator {

namespace {

using PkeyCtxPtr = crypto::OpenSslPtr<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;

constexpr std::size_t ChallengeSize = 8;             // RND.IFD, ICAO 9303-11 §6.1
constexpr std::uint8_t PartialRecoveryHeader = 0x6A; // ISO/IEC 9796-2: 01, more data, pad
constexpr std::uint8_t ImplicitTrailer = 0xBC;       // SHA-1, ISO/IEC 9796-2 implicit
constexpr std::uint8_t ExplicitTrailer = 0xCC;       // preceded by the hash identifier

constexpr std::array<crypto::HashAlgorithm, 5> Digests = {
    crypto::HashAlgorithm::Sha1, crypto::HashAlgorithm::Sha224, crypto::HashAlgorithm::Sha256,
    crypto::HashAlgorithm::Sha384, crypto::HashAlgorithm::Sha512};

// Hash function identifiers of ISO/IEC 10118-3 in the explicit ISO/IEC 9796-2 trailer.
std::uint8_t hashIdentifier(crypto::HashAlgorithm digest) {
    switch (digest) {
    case crypto::HashAlgorithm::Sha1:
        return 0x33;
    case crypto::HashAlgorithm::Sha224:
        return 0x38;
    case crypto::HashAlgorithm::Sha256:
        return 0x34;
    case crypto::HashAlgorithm::Sha384:
        return 0x36;
    case crypto::HashAlgorithm::Sha512:
        return 0x35;
    }
    return 0;
}

Bytes trailer(crypto::HashAlgorithm digest) {
    if (digest == crypto::HashAlgorithm::Sha1) {
        return {ImplicitTrailer};
    }
    return {hashIdentifier(digest), ExplicitTrailer};
}

std::size_t keyBytes(const EVP_PKEY* key) {
    return static_cast<std::size_t>(EVP_PKEY_get_bits(key) + 7) / 8;
}

} // namespace

std::optional<crypto::HashAlgorithm> activeAuthenticationDigest(std::string_view name) {
    for (crypto::HashAlgorithm digest : Digests) {
        if (crypto::hashAlgorithmName(digest) == name) {
            return digest;
        }
    }
    return std::nullopt;
}

ActiveAuthenticationResponder::ActiveAuthenticationResponder(ByteView privateKeyPem,
                                                             std::string_view digest,
                                                             crypto::RandomSource random)
    : m_random(std::move(random)) {
    auto algorithm = activeAuthenticationDigest(digest);
    if (!algorithm) {
        throw Error(ErrorCode::InvalidArgument,
                    "active authentication: unknown digest " + std::string(digest));
    }
    m_digest = *algorithm;

    crypto::BioPtr bio(
        BIO_new_mem_buf(privateKeyPem.data(), static_cast<int>(privateKeyPem.size())));
    if (bio) {
        m_key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    }
    crypto::clearOpenSslErrors();
    int type = m_key ? EVP_PKEY_get_base_id(m_key.get()) : EVP_PKEY_NONE;
    if (type != EVP_PKEY_RSA && type != EVP_PKEY_EC) {
        throw Error(ErrorCode::InvalidArgument,
                    "active authentication: the key is not an RSA or EC private key in PEM");
    }
    // TODO(emulator): a modulus of 8n+r bits needs the bit-level header of ISO/IEC 9796-2;
    // test keys are generated with whole bytes, as real AA keys are.
    if (type == EVP_PKEY_RSA && EVP_PKEY_get_bits(m_key.get()) % 8 != 0) {
        throw Error(ErrorCode::InvalidArgument,
                    "active authentication: RSA modulus must be a whole number of bytes");
    }
}

ActiveAuthenticationResponder::Outcome
ActiveAuthenticationResponder::internalAuthenticate(ByteView challenge,
                                                    std::optional<std::uint8_t> trailerFault) {
    if (challenge.size() != ChallengeSize) {
        return {{}, StatusWord::WrongLength};
    }
    if (EVP_PKEY_get_base_id(m_key.get()) == EVP_PKEY_RSA) {
        return {signIso9796(challenge, trailerFault), StatusWord::Success};
    }
    return {signEcdsa(challenge), StatusWord::Success};
}

// ISO/IEC 9796-2 scheme 1 with partial recovery (ICAO 9303-11 §6.1): M = M1 || M2 with M2 the
// challenge and M1 as long as the capacity allows; F = 6A || M1 || H(M) || trailer, as long as
// the modulus; the signature is F^d mod n.
Bytes ActiveAuthenticationResponder::signIso9796(ByteView challenge,
                                                 std::optional<std::uint8_t> trailerFault) {
    const std::size_t k = keyBytes(m_key.get());
    Bytes tail = trailer(m_digest);
    if (trailerFault) {
        tail.back() = *trailerFault;
    }
    const std::size_t hashSize = crypto::digestSize(m_digest);
    if (k < 1 + hashSize + tail.size() + 1) {
        throw Error(ErrorCode::InvalidArgument, "active authentication: RSA key too short");
    }
    Bytes m1 = m_random(k - 1 - hashSize - tail.size());

    Bytes f{PartialRecoveryHeader};
    append(f, m1);
    append(f, crypto::digest(m_digest, concat(m1, challenge)));
    append(f, tail);

    // The representative is the whole block: the raw RSA private operation, no padding.
    PkeyCtxPtr context(EVP_PKEY_CTX_new_from_pkey(nullptr, m_key.get(), nullptr));
    if (!context || EVP_PKEY_sign_init(context.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(context.get(), RSA_NO_PADDING) != 1) {
        crypto::throwOpenSslFailure("active authentication: RSA setup");
    }
    Bytes signature(k);
    std::size_t size = signature.size();
    if (EVP_PKEY_sign(context.get(), signature.data(), &size, f.data(), f.size()) != 1) {
        crypto::throwOpenSslFailure("active authentication: RSA signature");
    }
    signature.resize(size);
    return signature;
}

// ECDSA over the challenge, answered as r || s with each half as long as the group order
// (BSI TR-03111 §5.2.1), not as the DER Ecdsa-Sig-Value.
Bytes ActiveAuthenticationResponder::signEcdsa(ByteView challenge) const {
    crypto::EvpMdCtxPtr context(EVP_MD_CTX_new());
    if (!context || EVP_DigestSignInit(context.get(), nullptr, crypto::evpDigest(m_digest), nullptr,
                                       m_key.get()) != 1) {
        crypto::throwOpenSslFailure("active authentication: ECDSA setup");
    }
    std::size_t size = 0;
    if (EVP_DigestSign(context.get(), nullptr, &size, challenge.data(), challenge.size()) != 1) {
        crypto::throwOpenSslFailure("active authentication: ECDSA signature");
    }
    Bytes der(size);
    if (EVP_DigestSign(context.get(), der.data(), &size, challenge.data(), challenge.size()) != 1) {
        crypto::throwOpenSslFailure("active authentication: ECDSA signature");
    }
    const unsigned char* in = der.data();
    crypto::EcdsaSigPtr signature(d2i_ECDSA_SIG(nullptr, &in, static_cast<long>(size)));
    if (!signature) {
        crypto::throwOpenSslFailure("active authentication: ECDSA signature decoding");
    }
    const int half = static_cast<int>(keyBytes(m_key.get()));
    Bytes plain(2 * static_cast<std::size_t>(half));
    if (BN_bn2binpad(ECDSA_SIG_get0_r(signature.get()), plain.data(), half) != half ||
        BN_bn2binpad(ECDSA_SIG_get0_s(signature.get()), plain.data() + half, half) != half) {
        crypto::throwOpenSslFailure("active authentication: ECDSA r || s");
    }
    return plain;
}

} // namespace cccd::emulator
