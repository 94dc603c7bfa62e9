#include "crypto/AlgorithmIdentifier.h"

#include "base/Error.h"
#include "crypto/Oid.h"

namespace cccd::crypto {

bool AlgorithmIdentifier::hasNoParameters() const {
    return !parameters ||
           (parameters->size() == 2 && (*parameters)[0] == asn1::Null && (*parameters)[1] == 0);
}

std::string readOid(const tlv::Tlv& object) {
    if (object.tag != asn1::ObjectIdentifier) {
        throw Error(ErrorCode::MalformedData, "expected an OBJECT IDENTIFIER");
    }
    return decodeOid(object.value);
}

AlgorithmIdentifier parseAlgorithmIdentifier(const tlv::Tlv& sequence) {
    if (sequence.tag != asn1::Sequence) {
        throw Error(ErrorCode::MalformedData, "AlgorithmIdentifier: expected a SEQUENCE");
    }
    tlv::TlvReader reader(sequence.value);
    AlgorithmIdentifier id;
    id.oid = readOid(reader.next());
    if (!reader.atEnd()) {
        tlv::Tlv parameters = reader.next();
        id.parameters = Bytes(parameters.encoded.begin(), parameters.encoded.end());
    }
    if (!reader.atEnd()) {
        throw Error(ErrorCode::MalformedData, "AlgorithmIdentifier: trailing data");
    }
    return id;
}

AlgorithmIdentifier parseAlgorithmIdentifier(ByteView der) {
    return parseAlgorithmIdentifier(tlv::parse(der));
}

} // namespace cccd::crypto
