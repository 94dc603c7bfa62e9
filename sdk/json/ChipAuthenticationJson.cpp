#include "json/ChipAuthenticationJson.h"

#include <cstdio>

#include "crypto/Hash.h"

namespace cccd::json {

namespace {

using nlohmann::json;

json statusWord(std::uint16_t sw) {
    if (sw == 0) {
        return nullptr;
    }
    char text[5];
    std::snprintf(text, sizeof text, "%04X", static_cast<unsigned>(sw));
    return text;
}

json hexOrNull(ByteView bytes) {
    return bytes.empty() ? json(nullptr) : json(toHex(bytes));
}

} // namespace

json toJson(const verify::ChipAuthenticationResult& r) {
    json out;
    out["status"] = verify::chipAuthenticationStatusName(r.status);
    out["reason"] = verify::chipAuthenticationReasonName(r.reason);
    out["status_word"] = statusWord(r.statusWord);
    out["protocol"] = r.protocol.empty() ? json(nullptr) : json(r.protocol);
    out["protocol_inferred"] = r.protocolInferred;
    out["version"] = r.version;
    out["key_id"] = r.keyId ? json(*r.keyId) : json(nullptr);
    out["command"] =
        r.command ? json(verify::chipAuthenticationCommandName(*r.command)) : json(nullptr);
    return out;
}

json toJson(const verify::ActiveAuthenticationResult& r) {
    json out;
    out["status"] = verify::activeAuthenticationStatusName(r.status);
    out["reason"] = verify::activeAuthenticationReasonName(r.reason);
    out["status_word"] = statusWord(r.statusWord);
    out["algorithm"] =
        r.algorithm ? json(verify::activeAuthenticationAlgorithmName(*r.algorithm)) : json(nullptr);
    out["hash"] = r.hash ? json(crypto::hashAlgorithmName(*r.hash)) : json(nullptr);
    out["plain_ecdsa_signature"] = r.plainEcdsaSignature;
    out["challenge"] = hexOrNull(r.challenge);
    out["signature"] = hexOrNull(r.signature);
    return out;
}

json toJson(const reader::ChipAuthenticationMappingResult& r) {
    json out;
    out["status"] = reader::chipAuthenticationMappingStatusName(r.status);
    out["reason"] = reader::chipAuthenticationMappingReasonName(r.reason);
    out["key_id"] = r.keyId ? json(*r.keyId) : json(nullptr);
    return out;
}

} // namespace cccd::json
