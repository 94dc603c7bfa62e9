#include "emulator/profilegen/LdsFiles.h"

#include "emulator/profilegen/Keys.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

Bytes buildEfCom(ByteView dataGroupTags) {
    Bytes body = tlv::encode(0x5F01, toBytes("0107"));
    append(body, tlv::encode(0x5F36, toBytes("040000")));
    append(body, tlv::encode(0x5C, dataGroupTags));
    return tlv::encode(0x60, body);
}

Bytes buildDg1(std::string_view mrz) {
    return tlv::encode(0x61, tlv::encode(0x5F1F, toBytes(mrz)));
}

Bytes buildDg3Placeholder() {
    // A Biometric Information Group Template announcing no finger instances.
    return tlv::encode(0x63, tlv::encode(0x7F61, tlv::encodeInteger(0)));
}

Bytes buildDg15(EVP_PKEY* activeAuthenticationKey) {
    return tlv::encode(0x6F, subjectPublicKeyInfo(activeAuthenticationKey));
}

} // namespace cccd::emulator
