#pragma once

#ifdef CCCD_KIOSK_HAVE_CAMERA

#include <QObject>
#include <atomic>
#include <functional>
#include <memory>
#include <thread>

#include "qr/QrPayload.h"
#include "vision/FrameSource.h"
#include "vision/QrScanWorker.h"

namespace cccd::kiosk::ui {

/// Opens the frame source of a camera index: vision::FrameSource::camera by default; a test or
/// a demo gives still images or a video file instead. Throws Error(Io) when it cannot open.
using FrameSourceFactory = std::function<vision::FrameSource(int cameraIndex)>;

/// Reads the card's QR with the counter's camera while the key screen is shown: frames are
/// captured on a thread of their own and decoded by a vision::QrScanWorker on another, so the UI
/// never waits; what they find reaches the UI thread through queued calls, already parsed.
/// Lives on the UI thread, and its signals are emitted there.
class CameraQrReader : public QObject {
    Q_OBJECT
public:
    enum class Status {
        Scanning,    ///< frames are coming
        Unavailable, ///< the camera could not be opened
        Stopped,     ///< the camera stopped delivering, or a video file or image list ended
    };

    explicit CameraQrReader(QObject* parent);
    /// Waits for the capture thread, which stops after the frame being decoded.
    ~CameraQrReader() override;
    CameraQrReader(const CameraQrReader&) = delete;
    CameraQrReader& operator=(const CameraQrReader&) = delete;

    void setFrameSourceFactory(FrameSourceFactory factory);

    /// Starts capturing from the camera `cameraIndex` (nothing when already capturing).
    void start(int cameraIndex);

    /// Stops capturing without waiting; results of frames still in flight are dropped.
    void stop();

    [[nodiscard]] bool capturing() const { return m_capturing; }

signals:
    void statusChanged(cccd::kiosk::ui::CameraQrReader::Status status);
    /// A card's QR. Personal data: shown to the workflow only, never logged.
    void payloadFound(const cccd::qr::QrPayload& payload);
    /// A QR that is not a card's: the field that is wrong (QrField::Payload for the whole text).
    void payloadRejected(cccd::qr::QrField field);

private:
    void capture(FrameSourceFactory factory, int cameraIndex,
                 std::shared_ptr<std::atomic<bool>> stopping, unsigned generation);
    void symbolFound(const vision::QrSymbol& symbol, unsigned generation);
    /// Runs `step` on the UI thread unless capture stopped or restarted in the meantime.
    void post(unsigned generation, std::function<void()> step);
    void joinCapture();

    FrameSourceFactory m_factory;
    bool m_capturing = false;
    unsigned m_generation = 0; // UI thread only: which start() a queued result belongs to
    std::shared_ptr<std::atomic<bool>> m_stopping;
    std::thread m_thread;
};

} // namespace cccd::kiosk::ui

#endif // CCCD_KIOSK_HAVE_CAMERA
