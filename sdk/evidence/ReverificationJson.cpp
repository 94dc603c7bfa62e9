#include "evidence/ReverificationJson.h"

#include "json/DocumentJson.h"

namespace cccd::evidence {

namespace {

using nlohmann::json;

json methodAndKey(ReverificationMethod method, RecordedKeyCheck key) {
    return {{"method", reverificationMethodName(method)},
            {"chip_key", method == ReverificationMethod::Recorded ? json(recordedKeyCheckName(key))
                                                                  : json(nullptr)}};
}

} // namespace

json toJson(const Reverification& r) {
    json out = cccd::json::documentToJson(r.document);
    json aa = {{"method", reverificationMethodName(r.activeAuthentication)},
               {"recorded_status",
                r.recordedActiveAuthentication
                    ? json(verify::activeAuthenticationStatusName(*r.recordedActiveAuthentication))
                    : json(nullptr)},
               {"challenge", challengeCheckName(r.challenge)}};
    out["reverification"] = {
        {"bundle_format", BundleFormat},
        {"bundle_version", BundleVersion},
        {"read_time", r.readTime},
        {"read_by_sdk_version", r.sdkVersion},
        {"reverified_by_sdk_version", sdkVersion()},
        {"passive_authentication", {{"method", "recomputed"}}},
        {"active_authentication", aa},
        {"chip_authentication", methodAndKey(r.chipAuthentication, r.chipAuthenticationKey)},
        {"chip_authentication_mapping",
         methodAndKey(r.chipAuthenticationMapping, r.chipAuthenticationMappingKey)},
        {"data_groups_not_requested", r.notRequested},
        {"verified", r.verified()},
    };
    out["verified"] = r.verified();
    return out;
}

} // namespace cccd::evidence
