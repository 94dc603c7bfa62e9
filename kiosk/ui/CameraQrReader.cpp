#include "kiosk/ui/CameraQrReader.h"

#ifdef CCCD_KIOSK_HAVE_CAMERA

#include <optional>
#include <utility>

#include "base/Error.h"
#include "base/Log.h"
#include "base/SecureBytes.h"
#include "qr/QrText.h"

namespace cccd::kiosk::ui {

namespace {

constexpr const char* LogCategory = "kiosk.camera";

vision::QrDecoderOptions liveOptions() {
    vision::QrDecoderOptions options;
    // The camera sends another frame within tens of milliseconds: the fast passes are enough,
    // and the slow ones would make a card held still wait longer.
    options.thorough = false;
    return options;
}

void wipePayload(qr::QrPayload& payload) {
    for (std::string* text : {&payload.personalIdNumber, &payload.oldIdNumber, &payload.fullName,
                              &payload.placeOfResidence}) {
        wipe(*text);
    }
    for (std::string& extra : payload.extraFields) {
        wipe(extra);
    }
}

} // namespace

CameraQrReader::CameraQrReader(QObject* parent)
    : QObject(parent), m_factory([](int index) { return vision::FrameSource::camera(index); }) {}

CameraQrReader::~CameraQrReader() {
    stop();
    joinCapture();
}

void CameraQrReader::setFrameSourceFactory(FrameSourceFactory factory) {
    m_factory = std::move(factory);
}

void CameraQrReader::start(int cameraIndex) {
    if (m_capturing) {
        return;
    }
    joinCapture(); // the previous capture was told to stop; it ends after one frame at most
    m_capturing = true;
    ++m_generation;
    m_stopping = std::make_shared<std::atomic<bool>>(false);
    m_thread = std::thread(&CameraQrReader::capture, this, m_factory, cameraIndex, m_stopping,
                           m_generation);
}

void CameraQrReader::stop() {
    if (!m_capturing) {
        return;
    }
    m_capturing = false;
    ++m_generation;
    m_stopping->store(true);
}

void CameraQrReader::joinCapture() {
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void CameraQrReader::post(unsigned generation, std::function<void()> step) {
    QMetaObject::invokeMethod(
        this,
        [this, generation, step = std::move(step)] {
            if (m_capturing && generation == m_generation) {
                step();
            }
        },
        Qt::QueuedConnection);
}

// Capture thread: open, then hand every frame to the decoding thread until told to stop.
void CameraQrReader::capture(FrameSourceFactory factory, int cameraIndex,
                             std::shared_ptr<std::atomic<bool>> stopping, unsigned generation) {
    std::optional<vision::FrameSource> source;
    try {
        source.emplace(factory(cameraIndex));
    } catch (const std::exception&) {
        log(LogLevel::Warning, LogCategory, "the camera cannot be opened");
        post(generation, [this] { emit statusChanged(Status::Unavailable); });
        return;
    }
    post(generation, [this] { emit statusChanged(Status::Scanning); });

    vision::QrScanWorker worker(
        [this, generation](const vision::QrSymbol& symbol) { symbolFound(symbol, generation); },
        liveOptions());
    try {
        while (!stopping->load()) {
            std::optional<vision::GrayImage> frame = source->next();
            if (!frame) {
                break;
            }
            worker.submit(std::move(*frame));
        }
    } catch (const std::exception&) {
        log(LogLevel::Warning, LogCategory, "a frame could not be captured");
    }
    if (stopping->load()) {
        return; // the worker drops its waiting frame when it goes
    }
    worker.drain(); // the end of a video file or image list: its last frame still counts
    post(generation, [this] { emit statusChanged(Status::Stopped); });
}

// Decoding thread: the bytes become text and the text a payload here, off the UI thread.
void CameraQrReader::symbolFound(const vision::QrSymbol& symbol, unsigned generation) {
    std::string text;
    try {
        text = qr::decodeQrText(ByteView(symbol.bytes));
        // Wiped when the last copy goes, whether the UI used it or dropped it as stale.
        std::shared_ptr<qr::QrPayload> payload(new qr::QrPayload(qr::QrPayload::parse(text)),
                                               [](qr::QrPayload* parsed) {
                                                   wipePayload(*parsed);
                                                   delete parsed;
                                               });
        wipe(text);
        post(generation, [this, payload] { emit payloadFound(*payload); });
    } catch (const qr::QrPayloadError& e) {
        wipe(text);
        qr::QrField field = e.field();
        post(generation, [this, field] { emit payloadRejected(field); });
    } catch (const Error&) {
        wipe(text); // not UTF-8: another code, not the card's
        post(generation, [this] { emit payloadRejected(qr::QrField::Payload); });
    }
}

} // namespace cccd::kiosk::ui

#endif // CCCD_KIOSK_HAVE_CAMERA
