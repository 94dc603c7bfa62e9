#include "crypto/DhKeyAgreement.h"

#include "base/Error.h"
#include "crypto/Hash.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"

namespace cccd::crypto {

namespace {

constexpr int MaxKeyAttempts = 64; // rejection sampling; each try succeeds with p > 1/2

BnCtxPtr newContext() {
    BnCtxPtr ctx(BN_CTX_new());
    if (!ctx) {
        throwOpenSslFailure("DH: BN_CTX_new");
    }
    return ctx;
}

BignumPtr bignum(ByteView bytes) {
    BignumPtr n(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
    if (!n) {
        throwOpenSslFailure("DH: number");
    }
    return n;
}

SecretBignumPtr secretBignum(ByteView bytes) {
    SecretBignumPtr n(BN_secure_new());
    if (!n || BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), n.get()) == nullptr) {
        throwOpenSslFailure("DH: exponent");
    }
    BN_set_flags(n.get(), BN_FLG_CONSTTIME);
    return n;
}

[[noreturn]] void malformed(const char* what) {
    throw Error(ErrorCode::MalformedData, std::string("DH: ") + what);
}

// 1 < value < p - 1.
bool insideGroupRange(const BIGNUM* value, const BIGNUM* p) {
    BignumPtr pMinusOne(BN_dup(p));
    if (!pMinusOne || BN_sub_word(pMinusOne.get(), 1) != 1) {
        throwOpenSslFailure("DH: p - 1");
    }
    return BN_cmp(value, BN_value_one()) > 0 && BN_cmp(value, pMinusOne.get()) < 0;
}

// value^q mod p == 1: value lies in the subgroup of order q.
bool inSubgroup(const BIGNUM* value, const BIGNUM* q, const BIGNUM* p) {
    BnCtxPtr ctx = newContext();
    BignumPtr result(BN_new());
    if (!result || BN_mod_exp(result.get(), value, q, p, ctx.get()) != 1) {
        throwOpenSslFailure("DH: subgroup check");
    }
    return BN_is_one(result.get()) == 1;
}

} // namespace

std::unique_ptr<DhKeyAgreement> DhKeyAgreement::fromParameters(ByteView parameters) {
    tlv::Tlv sequence = tlv::parse(parameters, asn1::Sequence);
    tlv::TlvReader reader(sequence.value);
    tlv::Tlv p = reader.expect(asn1::Integer);
    tlv::Tlv g = reader.expect(asn1::Integer);
    if (reader.atEnd()) {
        malformed("DomainParameters without q");
    }
    tlv::Tlv q = reader.expect(asn1::Integer);
    return fromGroup(p.value, g.value, q.value);
}

std::unique_ptr<DhKeyAgreement> DhKeyAgreement::fromGroup(ByteView p, ByteView g, ByteView q) {
    if (p.empty() || g.empty() || q.empty()) {
        malformed("empty group element");
    }
    BignumPtr pn = bignum(p);
    BignumPtr gn = bignum(g);
    BignumPtr qn = bignum(q);
    if (BN_is_odd(pn.get()) != 1 || BN_num_bits(pn.get()) < 3 ||
        BN_cmp(qn.get(), BN_value_one()) <= 0 || BN_cmp(qn.get(), pn.get()) >= 0 ||
        !insideGroupRange(gn.get(), pn.get()) || !inSubgroup(gn.get(), qn.get(), pn.get())) {
        malformed("the domain parameters are not a valid group");
    }
    return std::unique_ptr<DhKeyAgreement>(
        new DhKeyAgreement(std::move(pn), std::move(gn), std::move(qn)));
}

std::size_t DhKeyAgreement::modulusSize() const {
    return static_cast<std::size_t>(BN_num_bytes(m_p.get()));
}

KeyAgreementKeyPair DhKeyAgreement::generateKeyPair(const RandomSource& random) const {
    auto size = static_cast<std::size_t>(BN_num_bytes(m_q.get()));
    for (int attempt = 0; attempt < MaxKeyAttempts; ++attempt) {
        SecureBytes candidate(random(size));
        SecretBignumPtr x = secretBignum(candidate);
        if (BN_is_zero(x.get()) || BN_cmp(x.get(), m_q.get()) >= 0) {
            continue;
        }
        Bytes publicKey = publicKeyOf(candidate);
        return {std::move(candidate), std::move(publicKey)};
    }
    throw Error(ErrorCode::Crypto, "DH: the random source gave no usable private key");
}

Bytes DhKeyAgreement::publicKeyOf(ByteView privateKey) const {
    return power(m_g.get(), privateKey);
}

void DhKeyAgreement::checkPeerKey(ByteView peerPublicKey) const {
    (void)checkedPeer(peerPublicKey);
}

SecureBytes DhKeyAgreement::sharedSecret(ByteView privateKey, ByteView peerPublicKey) const {
    BignumPtr peer = checkedPeer(peerPublicKey);
    return SecureBytes(power(peer.get(), privateKey));
}

Bytes DhKeyAgreement::compress(ByteView publicKey) const {
    return sha1(publicKey);
}

// A peer key outside (1, p - 1) or outside the order-q subgroup would leak bits of our private
// key or force a known shared secret.
BignumPtr DhKeyAgreement::checkedPeer(ByteView peerPublicKey) const {
    if (peerPublicKey.empty()) {
        malformed("empty public key");
    }
    BignumPtr y = bignum(peerPublicKey);
    if (!insideGroupRange(y.get(), m_p.get()) || !inSubgroup(y.get(), m_q.get(), m_p.get())) {
        malformed("the public key is not an element of the group");
    }
    return y;
}

Bytes DhKeyAgreement::power(const BIGNUM* base, ByteView exponent) const {
    SecretBignumPtr x = secretBignum(exponent);
    BnCtxPtr ctx = newContext();
    SecretBignumPtr result(BN_secure_new());
    if (!result || BN_mod_exp_mont_consttime(result.get(), base, x.get(), m_p.get(), ctx.get(),
                                             nullptr) != 1) {
        throwOpenSslFailure("DH: modular exponentiation");
    }
    Bytes out(modulusSize(), 0);
    if (BN_bn2binpad(result.get(), out.data(), static_cast<int>(out.size())) < 0) {
        throwOpenSslFailure("DH: encoding");
    }
    return out;
}

} // namespace cccd::crypto
