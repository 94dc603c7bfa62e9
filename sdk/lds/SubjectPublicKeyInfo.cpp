#include "lds/SubjectPublicKeyInfo.h"

#include "base/Error.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"

namespace cccd::lds {

namespace {

constexpr std::uint32_t SequenceTag = 0x30;
constexpr std::uint32_t OidTag = 0x06;
constexpr std::uint32_t BitStringTag = 0x03;
constexpr std::uint32_t IntegerTag = 0x02;

[[noreturn]] void malformed(const char* what) {
    throw Error(ErrorCode::MalformedData, std::string("SubjectPublicKeyInfo: ") + what);
}

PublicKeyType typeOf(const std::string& algorithm) {
    if (algorithm == "1.2.840.113549.1.1.1" || algorithm == "1.2.840.113549.1.1.10") {
        return PublicKeyType::Rsa; // rsaEncryption, RSASSA-PSS (RFC 8017 App. C)
    }
    if (algorithm == "1.2.840.10045.2.1" || algorithm == "0.4.0.127.0.7.2.2.1.2") {
        return PublicKeyType::Ec; // id-ecPublicKey (RFC 5480), id-PK-ECDH (BSI TR-03110-3)
    }
    if (algorithm == "1.2.840.10046.2.1" || algorithm == "0.4.0.127.0.7.2.2.1.1") {
        return PublicKeyType::Dh; // dhpublicnumber (RFC 3279), id-PK-DH
    }
    return PublicKeyType::Unknown;
}

Bytes withoutLeadingZeros(ByteView value) {
    std::size_t start = 0;
    while (start + 1 < value.size() && value[start] == 0x00) {
        ++start;
    }
    return Bytes(value.begin() + static_cast<long>(start), value.end());
}

void readRsaKey(SubjectPublicKeyInfo& out) {
    tlv::Tlv key = tlv::parse(out.publicKey, SequenceTag);
    tlv::TlvReader reader(key.value);
    out.rsaModulus = withoutLeadingZeros(reader.expect(IntegerTag).value);
    out.rsaPublicExponent = withoutLeadingZeros(reader.expect(IntegerTag).value);
}

} // namespace

std::size_t SubjectPublicKeyInfo::rsaModulusBits() const {
    if (rsaModulus.empty()) {
        return 0;
    }
    std::size_t bits = (rsaModulus.size() - 1) * 8;
    for (std::uint8_t top = rsaModulus.front(); top != 0; top >>= 1) {
        ++bits;
    }
    return bits;
}

SubjectPublicKeyInfo SubjectPublicKeyInfo::parse(ByteView der) {
    SubjectPublicKeyInfo out;
    tlv::Tlv spki = tlv::parse(der, SequenceTag);
    out.encoded.assign(spki.encoded.begin(), spki.encoded.end());
    tlv::TlvReader reader(spki.value);

    tlv::Tlv algorithmIdentifier = reader.next();
    if (algorithmIdentifier.tag != SequenceTag) {
        malformed("AlgorithmIdentifier is not a SEQUENCE");
    }
    tlv::TlvReader algorithm(algorithmIdentifier.value);
    if (algorithm.atEnd()) {
        malformed("empty AlgorithmIdentifier");
    }
    out.algorithm = crypto::decodeOid(algorithm.expect(OidTag).value);
    out.type = typeOf(out.algorithm);
    if (!algorithm.atEnd()) {
        tlv::Tlv parameters = algorithm.next();
        out.parameters.assign(parameters.encoded.begin(), parameters.encoded.end());
        if (out.type == PublicKeyType::Ec && parameters.tag == OidTag) {
            out.namedCurve = crypto::decodeOid(parameters.value);
        }
        out.explicitParameters = out.type == PublicKeyType::Ec && parameters.tag == SequenceTag;
    }

    if (reader.atEnd()) {
        malformed("no subjectPublicKey");
    }
    tlv::Tlv bits = reader.expect(BitStringTag);
    if (bits.value.empty() || bits.value[0] != 0) {
        malformed("public key BIT STRING has unused bits");
    }
    out.publicKey.assign(bits.value.begin() + 1, bits.value.end());
    if (out.type == PublicKeyType::Rsa) {
        readRsaKey(out);
    }
    return out;
}

} // namespace cccd::lds
