#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

class QNetworkAccessManager;

namespace cccd::kiosk {

/// How a POST ended.
struct PostResult {
    bool ok = false;     ///< a 2xx answer
    int httpStatus = 0;  ///< 0 when no answer came
    std::string problem; ///< the network error in the user's terms, empty when ok
};

/// Sends a form's JSON to the one-stop-shop system's endpoint (HTTP POST, application/json).
/// Asynchronous: needs the Qt event loop of the thread it lives in, never blocks it.
class JsonPoster {
public:
    /// Throws Error(InvalidArgument) unless `endpoint` is an http or https URL.
    JsonPoster(const std::string& endpoint, std::chrono::milliseconds timeout);
    ~JsonPoster();
    JsonPoster(const JsonPoster&) = delete;
    JsonPoster& operator=(const JsonPoster&) = delete;

    /// Posts `body`; `done` is called once, on this thread, with the outcome.
    void post(const nlohmann::json& body, std::function<void(PostResult)> done);

private:
    std::string m_endpoint;
    std::chrono::milliseconds m_timeout;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace cccd::kiosk
