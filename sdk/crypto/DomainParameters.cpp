// The factories of explicit domain parameters: KeyAgreementGroup::fromDomainParameters and
// fromAlgorithm, EcdhGroup::fromParameters, DhGroup::fromGroup. Explicit parameters come
// unprotected from EF.CardAccess (ICAO 9303-11 §9.2.2, §9.5), where weak ones would leak the
// PACE password, or from DG14 (§9.2.6) before Passive Authentication vouched for them, so they
// are checked before use.
#include <string>

#include <openssl/ec.h>

#include "base/Error.h"
#include "crypto/AlgorithmIdentifier.h"
#include "crypto/Bignum.h"
#include "crypto/DhGroup.h"
#include "crypto/EcdhGroup.h"
#include "crypto/KeyAgreementGroup.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"

namespace cccd::crypto {

namespace {

// §9.5.1 standardizedDomainParameters = bsi-de algorithms(1) 2; §9.5.2 the explicit forms;
// BSI TR-03110-3 Appendix A.1.1 the Chip Authentication key algorithms id-PK-DH, id-PK-ECDH.
constexpr std::string_view StandardizedDomainParameters = "0.4.0.127.0.7.1.2";
constexpr std::string_view EcPublicKey = "1.2.840.10045.2.1";       // ANSI X9.62
constexpr std::string_view PkEcdh = "0.4.0.127.0.7.2.2.1.2";        // id-PK-ECDH
constexpr std::string_view DhPublicNumber = "1.2.840.10046.2.1";    // ANSI X9.42
constexpr std::string_view PkDh = "0.4.0.127.0.7.2.2.1.1";          // id-PK-DH
constexpr std::string_view DhKeyAgreement = "1.2.840.113549.1.3.1"; // PKCS#3

// The smallest standardized sizes (§9.5.1): P-192 / brainpoolP192r1 and the 1024/160 group.
constexpr int MinimumCurveBits = 192;
constexpr int MinimumPrimeBits = 1024;
constexpr int MinimumSubgroupBits = 160;

[[noreturn]] void insecure(const std::string& what) {
    throw Error(ErrorCode::MalformedData, "explicit domain parameters: " + what);
}

BignumPtr readPositiveInteger(tlv::TlvReader& reader) {
    tlv::Tlv integer = reader.expect(asn1::Integer);
    if (integer.value.empty() || (integer.value[0] & 0x80) != 0) {
        insecure("an INTEGER is empty or negative");
    }
    return bignumFromBytes(integer.value);
}

bool isPrime(const BIGNUM* value, BN_CTX* ctx) {
    int result = BN_check_prime(value, ctx, nullptr);
    if (result < 0) {
        throwOpenSslFailure("DH: primality test");
    }
    return result == 1;
}

std::unique_ptr<DhGroup> checkedDhGroup(BignumPtr p, BignumPtr g, BignumPtr q) {
    BnCtxPtr ctx = newBignumContext();
    if (BN_num_bits(p.get()) < MinimumPrimeBits || !isPrime(p.get(), ctx.get())) {
        insecure("p is not a prime of 1024 bits or more");
    }
    BignumPtr pMinusOne(BN_dup(p.get()));
    if (!pMinusOne || BN_sub_word(pMinusOne.get(), 1) != 1) {
        throwOpenSslFailure("DH: p-1");
    }
    if (BN_cmp(g.get(), BN_value_one()) <= 0 || BN_cmp(g.get(), pMinusOne.get()) >= 0) {
        insecure("g is out of range");
    }
    if (!q) {
        return std::make_unique<DhGroup>(std::move(p), nullptr, std::move(g));
    }

    BignumPtr remainder = newBignum();
    BignumPtr power = newBignum();
    if (BN_mod(remainder.get(), pMinusOne.get(), q.get(), ctx.get()) != 1 ||
        BN_mod_exp(power.get(), g.get(), q.get(), p.get(), ctx.get()) != 1) {
        throwOpenSslFailure("DH: subgroup");
    }
    if (BN_num_bits(q.get()) < MinimumSubgroupBits || !isPrime(q.get(), ctx.get()) ||
        !BN_is_zero(remainder.get()) || !BN_is_one(power.get())) {
        insecure("q is not a prime of 160 bits or more dividing p-1, or g is not of order q");
    }
    return std::make_unique<DhGroup>(std::move(p), std::move(q), std::move(g));
}

// X9.42 DomainParameters ::= SEQUENCE { p, g, q, j OPTIONAL, validationParms OPTIONAL }, or
// PKCS#3 DHParameter ::= SEQUENCE { prime, base, privateValueLength OPTIONAL } (no q).
std::unique_ptr<DhGroup> dhGroup(ByteView parameters, bool withSubgroup) {
    tlv::Tlv sequence = tlv::parse(parameters, asn1::Sequence);
    tlv::TlvReader reader(sequence.value);
    BignumPtr p = readPositiveInteger(reader);
    BignumPtr g = readPositiveInteger(reader);
    BignumPtr q = withSubgroup ? readPositiveInteger(reader) : nullptr;
    return checkedDhGroup(std::move(p), std::move(g), std::move(q));
}

} // namespace

std::unique_ptr<EcdhGroup> EcdhGroup::fromParameters(ByteView ecParameters) {
    const unsigned char* cursor = ecParameters.data();
    EcGroupPtr group(d2i_ECPKParameters(nullptr, &cursor, static_cast<long>(ecParameters.size())));
    if (!group) {
        clearOpenSslErrors();
        insecure("ECParameters do not parse");
    }
    // ICAO 9303-11 §4.4.3.2: prime curves only.
    if (EC_GROUP_get_field_type(group.get()) != NID_X9_62_prime_field) {
        throw Error(ErrorCode::NotSupported, "ECDH: only curves over prime fields are supported");
    }
    // EC_GROUP_check verifies the curve, G on it and n*G = O.
    BnCtxPtr ctx = newBignumContext();
    if (EC_GROUP_get_degree(group.get()) < MinimumCurveBits ||
        EC_GROUP_check(group.get(), ctx.get()) != 1) {
        clearOpenSslErrors();
        insecure("the curve is not a sound prime curve of 192 bits or more");
    }
    return std::make_unique<EcdhGroup>(std::move(group));
}

std::unique_ptr<DhGroup> DhGroup::fromGroup(ByteView p, ByteView g, ByteView q) {
    if (p.empty() || g.empty()) {
        insecure("p or g is empty");
    }
    return checkedDhGroup(bignumFromBytes(p), bignumFromBytes(g),
                          q.empty() ? nullptr : bignumFromBytes(q));
}

std::unique_ptr<KeyAgreementGroup> KeyAgreementGroup::fromAlgorithm(std::string_view algorithm,
                                                                    ByteView parameters) {
    bool ecdh = algorithm == EcPublicKey || algorithm == PkEcdh;
    bool dh = algorithm == DhPublicNumber || algorithm == PkDh || algorithm == DhKeyAgreement;
    if (!ecdh && !dh && algorithm != StandardizedDomainParameters) {
        throw Error(ErrorCode::NotSupported,
                    "domain parameters of algorithm " + std::string(algorithm));
    }
    if (parameters.empty()) {
        insecure("the algorithm has no parameters");
    }
    if (ecdh) {
        return EcdhGroup::fromParameters(parameters);
    }
    if (dh) {
        return dhGroup(parameters, algorithm != DhKeyAgreement);
    }
    tlv::Tlv integer = tlv::parse(parameters, asn1::Integer);
    return standardized(tlv::decodeUnsigned(integer.value));
}

std::unique_ptr<KeyAgreementGroup> KeyAgreementGroup::fromDomainParameters(ByteView algorithmId) {
    AlgorithmIdentifier id = parseAlgorithmIdentifier(algorithmId);
    return fromAlgorithm(id.oid, id.hasNoParameters() ? Bytes{} : *id.parameters);
}

} // namespace cccd::crypto
