#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/Bytes.h"
#include "capi/Problems.h"
#include "cccd/cccd.h"
#include "reader/AccessKey.h"
#include "reader/Document.h"
#include "reader/ReadProgress.h"
#include "transport/CardChannel.h"
#include "verify/TrustStore.h"

// What the opaque handles of cccd.h hold. Internal: neither installed nor exported.

namespace cccd::capi {

/// The options a read takes from its context, copied when the read starts.
struct ContextSettings {
    std::shared_ptr<const verify::TrustStore> trustStore =
        std::make_shared<const verify::TrustStore>();
    reader::AccessPolicy accessPolicy = reader::AccessPolicy::Auto;
    std::vector<int> dataGroups;
    bool authenticateChip = true;
};

/// Shared by a context and the sessions opened with it. The trust store is replaced, never
/// changed in place, so that a read keeps the one it started with.
class ContextState {
public:
    [[nodiscard]] ContextSettings snapshot() const;

    /// Runs `change` on the settings under the lock.
    template <typename Change> void update(Change&& change) {
        std::lock_guard lock(m_mutex);
        change(m_settings);
    }

private:
    mutable std::mutex m_mutex;
    ContextSettings m_settings;
};

} // namespace cccd::capi

struct cccd_context {
    std::shared_ptr<cccd::capi::ContextState> state = std::make_shared<cccd::capi::ContextState>();
};

struct cccd_session {
    std::shared_ptr<cccd::capi::ContextState> context;
    /// What the channel needs alive (a PC/SC context); destroyed after the channel.
    std::shared_ptr<void> channelOwner;
    std::unique_ptr<cccd::transport::CardChannel> channel;
    cccd::reader::AccessKey key;
    cccd::Bytes activeAuthenticationChallenge;
    cccd_progress_fn progress = nullptr;
    void* progressUser = nullptr;
    cccd::reader::CancelFlag cancel{false};
};

struct cccd_result {
    /// When the read started (the result is made just before it): the bundle's time of the read.
    std::chrono::system_clock::time_point readTime = std::chrono::system_clock::now();
    cccd::reader::Document document;
    std::string json;
    std::string verificationJson;
    std::vector<cccd::capi::Problem> problems;
};

struct cccd_reader_list {
    std::vector<std::string> names;
    std::vector<bool> hasCard;
};

namespace cccd::capi {

/// A session over any channel: what cccd_session_open_pcsc builds, and what tests use to put an
/// emulated card behind the API. Never NULL.
[[nodiscard]] cccd_session* newSession(const cccd_context& context,
                                       std::unique_ptr<transport::CardChannel> channel,
                                       std::shared_ptr<void> channelOwner = nullptr);

} // namespace cccd::capi
