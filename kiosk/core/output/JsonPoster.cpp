#include "kiosk/core/output/JsonPoster.h"

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

#include "base/Error.h"

namespace cccd::kiosk {

JsonPoster::JsonPoster(const std::string& endpoint, std::chrono::milliseconds timeout)
    : m_endpoint(endpoint), m_timeout(timeout),
      m_network(std::make_unique<QNetworkAccessManager>()) {
    QUrl url(QString::fromStdString(endpoint), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != "http" && url.scheme() != "https") ||
        url.host().isEmpty()) {
        throw Error(ErrorCode::InvalidArgument, "the endpoint is not an http(s) URL");
    }
}

JsonPoster::~JsonPoster() = default;

void JsonPoster::post(const nlohmann::json& body, std::function<void(PostResult)> done) {
    QNetworkRequest request(QUrl(QString::fromStdString(m_endpoint)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json; charset=utf-8");
    request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    std::string text = body.dump();
    QByteArray bytes(text.data(), static_cast<qsizetype>(text.size()));
    std::fill(text.begin(), text.end(), '\0');

    QNetworkReply* reply = m_network->post(request, bytes);
    bytes.fill('\0');
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done = std::move(done)] {
        PostResult result;
        QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        result.httpStatus = status.isValid() ? status.toInt() : 0;
        result.ok = reply->error() == QNetworkReply::NoError && result.httpStatus >= 200 &&
                    result.httpStatus < 300;
        if (!result.ok) {
            result.problem = reply->error() == QNetworkReply::NoError
                                 ? "the endpoint answered HTTP " + std::to_string(result.httpStatus)
                                 : reply->errorString().toStdString();
        }
        reply->deleteLater();
        done(result);
    });
}

} // namespace cccd::kiosk
