// PaceGroup::fromDomainParameters: explicit domain parameters of a PACEDomainParameterInfo
// (ICAO 9303-11 §9.2.2, §9.5). Such parameters come unprotected from EF.CardAccess, and weak
// ones would leak the password (§9.2.2), so they are checked before use.
#include <string>

#include <openssl/ec.h>

#include "access/PaceDh.h"
#include "access/PaceEcdh.h"
#include "access/PaceGroup.h"
#include "base/Error.h"
#include "crypto/AlgorithmIdentifier.h"
#include "crypto/Bignum.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"

namespace cccd::access {

namespace {

// §9.5.1 standardizedDomainParameters = bsi-de algorithms(1) 2; §9.5.2 the explicit forms.
constexpr std::string_view StandardizedDomainParameters = "0.4.0.127.0.7.1.2";
constexpr std::string_view EcPublicKey = "1.2.840.10045.2.1";       // ANSI X9.62
constexpr std::string_view DhPublicNumber = "1.2.840.10046.2.1";    // ANSI X9.42
constexpr std::string_view DhKeyAgreement = "1.2.840.113549.1.3.1"; // PKCS#3

// The smallest standardized sizes (§9.5.1): P-192 / brainpoolP192r1 and the 1024/160 group.
constexpr int MinimumCurveBits = 192;
constexpr int MinimumPrimeBits = 1024;
constexpr int MinimumSubgroupBits = 160;

[[noreturn]] void insecure(const std::string& what) {
    throw Error(ErrorCode::MalformedData, "PACE explicit domain parameters: " + what);
}

crypto::BignumPtr readPositiveInteger(tlv::TlvReader& reader) {
    tlv::Tlv integer = reader.expect(crypto::asn1::Integer);
    if (integer.value.empty() || (integer.value[0] & 0x80) != 0) {
        insecure("an INTEGER is empty or negative");
    }
    return crypto::bignumFromBytes(integer.value);
}

bool isPrime(const BIGNUM* value, BN_CTX* ctx) {
    int result = BN_check_prime(value, ctx, nullptr);
    if (result < 0) {
        crypto::throwOpenSslFailure("PACE: primality test");
    }
    return result == 1;
}

std::unique_ptr<PaceGroup> ecdhGroup(ByteView parameters) {
    const unsigned char* cursor = parameters.data();
    crypto::EcGroupPtr group(
        d2i_ECPKParameters(nullptr, &cursor, static_cast<long>(parameters.size())));
    if (!group) {
        crypto::clearOpenSslErrors();
        insecure("ECParameters do not parse");
    }
    crypto::BnCtxPtr ctx = crypto::newBignumContext();
    // §4.4.3.2: prime curves only. EC_GROUP_check verifies the curve, G on it and n*G = O.
    if (EC_GROUP_get_field_type(group.get()) != NID_X9_62_prime_field ||
        EC_GROUP_get_degree(group.get()) < MinimumCurveBits ||
        EC_GROUP_check(group.get(), ctx.get()) != 1) {
        crypto::clearOpenSslErrors();
        insecure("the curve is not a sound prime curve of 192 bits or more");
    }
    return std::make_unique<PaceEcdhGroup>(std::move(group));
}

// X9.42 DomainParameters ::= SEQUENCE { p, g, q, j OPTIONAL, validationParms OPTIONAL }, or
// PKCS#3 DHParameter ::= SEQUENCE { prime, base, privateValueLength OPTIONAL } (no q).
std::unique_ptr<PaceGroup> dhGroup(ByteView parameters, bool withSubgroup) {
    tlv::Tlv sequence = tlv::parse(parameters, crypto::asn1::Sequence);
    tlv::TlvReader reader(sequence.value);
    crypto::BignumPtr p = readPositiveInteger(reader);
    crypto::BignumPtr g = readPositiveInteger(reader);
    crypto::BignumPtr q = withSubgroup ? readPositiveInteger(reader) : nullptr;

    crypto::BnCtxPtr ctx = crypto::newBignumContext();
    if (BN_num_bits(p.get()) < MinimumPrimeBits || !isPrime(p.get(), ctx.get())) {
        insecure("p is not a prime of 1024 bits or more");
    }
    crypto::BignumPtr pMinusOne(BN_dup(p.get()));
    if (!pMinusOne || BN_sub_word(pMinusOne.get(), 1) != 1) {
        crypto::throwOpenSslFailure("PACE: p-1");
    }
    if (BN_cmp(g.get(), BN_value_one()) <= 0 || BN_cmp(g.get(), pMinusOne.get()) >= 0) {
        insecure("g is out of range");
    }
    if (!q) {
        return std::make_unique<PaceDhGroup>(std::move(p), nullptr, std::move(g));
    }

    crypto::BignumPtr remainder = crypto::newBignum();
    crypto::BignumPtr power = crypto::newBignum();
    if (BN_mod(remainder.get(), pMinusOne.get(), q.get(), ctx.get()) != 1 ||
        BN_mod_exp(power.get(), g.get(), q.get(), p.get(), ctx.get()) != 1) {
        crypto::throwOpenSslFailure("PACE: DH subgroup");
    }
    if (BN_num_bits(q.get()) < MinimumSubgroupBits || !isPrime(q.get(), ctx.get()) ||
        !BN_is_zero(remainder.get()) || !BN_is_one(power.get())) {
        insecure("q is not a prime of 160 bits or more dividing p-1, or g is not of order q");
    }
    return std::make_unique<PaceDhGroup>(std::move(p), std::move(q), std::move(g));
}

} // namespace

std::unique_ptr<PaceGroup> PaceGroup::fromDomainParameters(ByteView algorithmId) {
    crypto::AlgorithmIdentifier id = crypto::parseAlgorithmIdentifier(algorithmId);
    bool known = id.oid == StandardizedDomainParameters || id.oid == EcPublicKey ||
                 id.oid == DhPublicNumber || id.oid == DhKeyAgreement;
    if (!known) {
        throw Error(ErrorCode::NotSupported, "PACE domain parameters of algorithm " + id.oid);
    }
    if (id.hasNoParameters()) {
        insecure("the AlgorithmIdentifier has no parameters");
    }
    const Bytes& parameters = *id.parameters;
    if (id.oid == StandardizedDomainParameters) {
        tlv::Tlv integer = tlv::parse(parameters, crypto::asn1::Integer);
        return standardized(tlv::decodeUnsigned(integer.value));
    }
    if (id.oid == EcPublicKey) {
        return ecdhGroup(parameters);
    }
    return dhGroup(parameters, id.oid == DhPublicNumber);
}

} // namespace cccd::access
