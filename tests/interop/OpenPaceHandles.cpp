#include "interop/OpenPaceHandles.h"

#include <cstring>
#include <mutex>
#include <string>

#include <openssl/err.h>

#include "base/Error.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"

namespace cccd::test {

void initOpenPace() {
    static std::once_flag once;
    std::call_once(once, [] { EAC_init(); });
}

bool openPaceSupports(const std::string& dottedOid, std::uint64_t parameterId) {
    initOpenPace();
    int protocol = EAC_OBJ_txt2nid(dottedOid.c_str());
    if (protocol == NID_undef) {
        return false;
    }
    EacCtxPtr ctx(EAC_CTX_new());
    bool supported =
        ctx && EAC_CTX_init_pace(ctx.get(), protocol, static_cast<int>(parameterId)) == 1;
    ERR_clear_error();
    return supported;
}

bool isIntegratedMapping(int protocol) {
    return protocol == NID_id_PACE_DH_IM_3DES_CBC_CBC ||
           protocol == NID_id_PACE_DH_IM_AES_CBC_CMAC_128 ||
           protocol == NID_id_PACE_DH_IM_AES_CBC_CMAC_192 ||
           protocol == NID_id_PACE_DH_IM_AES_CBC_CMAC_256 ||
           protocol == NID_id_PACE_ECDH_IM_3DES_CBC_CBC ||
           protocol == NID_id_PACE_ECDH_IM_AES_CBC_CMAC_128 ||
           protocol == NID_id_PACE_ECDH_IM_AES_CBC_CMAC_192 ||
           protocol == NID_id_PACE_ECDH_IM_AES_CBC_CMAC_256;
}

Bytes paceCardAccess(const std::string& protocol, std::uint64_t parameterId) {
    constexpr std::uint64_t PaceVersion = 2;
    Bytes paceInfo = crypto::encodeOidObject(protocol);
    append(paceInfo, tlv::encodeInteger(PaceVersion));
    append(paceInfo, tlv::encodeInteger(parameterId));
    return tlv::encode(crypto::asn1::Set, tlv::encode(crypto::asn1::Sequence, paceInfo));
}

BufMemPtr toBufMem(ByteView bytes) {
    BufMemPtr buffer(BUF_MEM_new());
    if (!buffer || (!bytes.empty() && BUF_MEM_grow(buffer.get(), bytes.size()) == 0)) {
        throw Error(ErrorCode::Crypto, "libeac: cannot allocate a buffer");
    }
    if (!bytes.empty()) {
        std::memcpy(buffer->data, bytes.data(), bytes.size());
    }
    return buffer;
}

Bytes toBytes(const BUF_MEM* buffer) {
    if (buffer == nullptr || buffer->length == 0) {
        return {};
    }
    const auto* data = reinterpret_cast<const std::uint8_t*>(buffer->data);
    return Bytes(data, data + buffer->length);
}

SecureBytes toSecureBytes(const BUF_MEM* buffer) {
    return SecureBytes(toBytes(buffer));
}

BufMemPtr required(BUF_MEM* buffer, const char* step) {
    if (buffer == nullptr) {
        throw Error(ErrorCode::Crypto, std::string("libeac: ") + step + " failed");
    }
    return BufMemPtr(buffer);
}

} // namespace cccd::test
