// The evidence bundle through the C API: a result's bundle as JSON text, and a bundle
// re-verified into a result (evidence/Reverification.h).
#include <cstring>
#include <string>

#include "base/SecureBytes.h"
#include "capi/Handles.h"
#include "capi/Status.h"
#include "evidence/EvidenceBundle.h"
#include "evidence/Reverification.h"
#include "evidence/ReverificationJson.h"

using cccd::capi::checked;

namespace {

using namespace cccd;

std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A copy the caller frees with cccd_bundle_free, which wipes it: new[] here, delete[] there.
char* copyOut(const std::string& text) {
    auto out = std::make_unique<char[]>(text.size() + 1);
    std::memcpy(out.get(), text.c_str(), text.size() + 1);
    return out.release();
}

} // namespace

extern "C" {

cccd_status cccd_result_bundle(const cccd_result* result, const int* groups, size_t count,
                               char** out) {
    return checked(
        [&] {
            *out = nullptr;
            if (count > 0 && groups == nullptr) {
                throw Error(ErrorCode::InvalidArgument, "groups is NULL with a count");
            }
            evidence::BundleOptions options;
            options.readTime = result->readTime;
            if (count > 0) {
                options.dataGroups = std::vector<int>(groups, groups + count);
            }
            std::string text =
                evidence::serializeBundle(evidence::makeBundle(result->document.readout, options));
            *out = copyOut(text);
            wipe(text);
        },
        result, out);
}

void cccd_bundle_free(char* bundle) {
    if (bundle == nullptr) {
        return;
    }
    secureWipe(bundle, std::strlen(bundle));
    delete[] bundle;
}

cccd_status cccd_bundle_reverify(cccd_context* context, const char* bundle,
                                 const uint8_t* challenge, size_t challenge_size,
                                 cccd_result** out) {
    return checked(
        [&] {
            *out = nullptr;
            evidence::ReverifyOptions options;
            if (challenge_size > 0 || challenge != nullptr) {
                if (challenge == nullptr || challenge_size != 8) {
                    throw Error(ErrorCode::InvalidArgument,
                                "the Active Authentication challenge is 8 bytes");
                }
                options.expectedChallenge.assign(challenge, challenge + challenge_size);
            }
            const capi::ContextSettings settings = context->state->snapshot();
            evidence::Reverification reverified =
                evidence::reverify(evidence::parseBundle(bundle), *settings.trustStore, options);
            auto result = std::make_unique<cccd_result>();
            const nlohmann::json output = evidence::toJson(reverified);
            result->json = dump(output);
            result->verificationJson = dump(output.at("verification"));
            result->document = std::move(reverified.document);
            result->problems = capi::problemsOf(result->document);
            *out = result.release();
        },
        context, bundle, out);
}

} // extern "C"
