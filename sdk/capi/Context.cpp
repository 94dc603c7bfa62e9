#include <filesystem>
#include <memory>

#include "capi/Handles.h"
#include "capi/Status.h"

namespace cccd::capi {
namespace {

/// Adds to a copy of the context's trust store and puts the copy in its place: reads that
/// started keep the store they took.
template <typename Add> void changeTrustStore(cccd_context& context, Add&& add) {
    context.state->update([&add](ContextSettings& settings) {
        auto store = std::make_shared<verify::TrustStore>(*settings.trustStore);
        add(*store);
        settings.trustStore = std::move(store);
    });
}

std::filesystem::path utf8Path(const char* path) {
    const std::string_view text(path);
    return std::filesystem::path(std::u8string(text.begin(), text.end()));
}

} // namespace

ContextSettings ContextState::snapshot() const {
    std::lock_guard lock(m_mutex);
    return m_settings;
}

} // namespace cccd::capi

using cccd::capi::checked;
using cccd::capi::ContextSettings;

extern "C" {

cccd_status cccd_context_new(cccd_context** out) {
    return checked([&] { *out = new cccd_context; }, out);
}

void cccd_context_free(cccd_context* context) {
    delete context;
}

cccd_status cccd_context_add_default_anchor(cccd_context* context) {
    return checked(
        [&] {
            cccd::capi::changeTrustStore(*context, [](cccd::verify::TrustStore& store) {
                store.addFile(cccd::verify::defaultAnchorPath());
            });
        },
        context);
}

cccd_status cccd_context_add_trust_file(cccd_context* context, const char* path) {
    return checked(
        [&] {
            cccd::capi::changeTrustStore(*context, [path](cccd::verify::TrustStore& store) {
                store.addFile(cccd::capi::utf8Path(path));
            });
        },
        context, path);
}

cccd_status cccd_context_add_trust_directory(cccd_context* context, const char* path) {
    return checked(
        [&] {
            cccd::capi::changeTrustStore(*context, [path](cccd::verify::TrustStore& store) {
                store.addDirectory(cccd::capi::utf8Path(path));
            });
        },
        context, path);
}

cccd_status cccd_context_set_access_policy(cccd_context* context, cccd_access_policy policy) {
    return checked(
        [&] {
            using cccd::reader::AccessPolicy;
            AccessPolicy value = AccessPolicy::Auto;
            switch (policy) {
            case CCCD_ACCESS_AUTO:
                value = AccessPolicy::Auto;
                break;
            case CCCD_ACCESS_PACE_ONLY:
                value = AccessPolicy::PaceOnly;
                break;
            case CCCD_ACCESS_BAC_ONLY:
                value = AccessPolicy::BacOnly;
                break;
            case CCCD_ACCESS_PACE_THEN_BAC:
                value = AccessPolicy::PaceThenBac;
                break;
            default:
                throw cccd::Error(cccd::ErrorCode::InvalidArgument, "unknown access policy");
            }
            context->state->update([value](ContextSettings& s) { s.accessPolicy = value; });
        },
        context);
}

cccd_status cccd_context_set_data_groups(cccd_context* context, const int* groups, size_t count) {
    return checked(
        [&] {
            if (count > 0 && groups == nullptr) {
                throw cccd::Error(cccd::ErrorCode::InvalidArgument, "data groups missing");
            }
            std::vector<int> list(groups, groups + count);
            for (int group : list) {
                if (group < 1 || group > 16) {
                    throw cccd::Error(cccd::ErrorCode::InvalidArgument, "a data group is 1 to 16");
                }
            }
            context->state->update([&list](ContextSettings& s) { s.dataGroups = list; });
        },
        context);
}

cccd_status cccd_context_set_authenticate_chip(cccd_context* context, int enabled) {
    return checked(
        [&] {
            context->state->update(
                [enabled](ContextSettings& s) { s.authenticateChip = enabled != 0; });
        },
        context);
}

} // extern "C"
