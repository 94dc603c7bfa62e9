#pragma once

// Shared by the tests of explicit domain parameters (ICAO 9303-11 §9.5.2): DER of an
// AlgorithmIdentifier with ECParameters, X9.42 DomainParameters or a PKCS#3 DHParameter.
#include <openssl/ec.h>
#include <openssl/obj_mac.h>

#include "base/Bytes.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"

namespace cccd::test {

/// A DER INTEGER of a non-negative big-endian value.
inline Bytes derInteger(ByteView value) {
    Bytes contents;
    if (value.empty() || (value[0] & 0x80) != 0) {
        contents.push_back(0x00);
    }
    append(contents, value);
    return tlv::encode(0x02, contents);
}

inline Bytes algorithmIdentifier(const char* oid, ByteView parameters) {
    return tlv::encode(0x30, concat(crypto::encodeOidObject(oid), parameters));
}

/// AlgorithmIdentifier { dhpublicnumber, DomainParameters { p, g, q } }.
inline Bytes x942Parameters(ByteView p, ByteView g, ByteView q) {
    Bytes body = derInteger(p);
    append(body, derInteger(g));
    append(body, derInteger(q));
    return algorithmIdentifier("1.2.840.10046.2.1", tlv::encode(0x30, body));
}

/// brainpoolP256r1 spelled out as ECParameters by OpenSSL itself.
inline Bytes explicitBrainpoolP256r1() {
    EC_GROUP* group = EC_GROUP_new_by_curve_name(NID_brainpoolP256r1);
    EC_GROUP_set_asn1_flag(group, OPENSSL_EC_EXPLICIT_CURVE);
    unsigned char* der = nullptr;
    int length = i2d_ECPKParameters(group, &der);
    Bytes parameters(der, der + length);
    OPENSSL_free(der);
    EC_GROUP_free(group);
    return parameters;
}

} // namespace cccd::test
