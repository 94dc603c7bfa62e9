#pragma once

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>

#include "kiosk/ui/Keypad.h"
#include "kiosk/ui/MrzEntry.h"
#include "kiosk/ui/Screen.h"

#ifdef CCCD_KIOSK_HAVE_CAMERA
#include "kiosk/ui/CameraQrReader.h"
#endif

namespace cccd::kiosk::ui {

/// ObtainingKey: the 12-digit ID typed on an on-screen keypad (its last six digits are the
/// CAN), the QR scanned with the USB scanner (the window feeds the scanner's keystrokes) or,
/// where the camera is built in, held under the counter's camera while this screen is shown;
/// as a last resort the document number and dates as printed (MrzEntry).
class KeyScreen : public Screen {
    Q_OBJECT
public:
    KeyScreen(KioskContext& context, QWidget* parent);
    void retranslate() override;
    void clear() override;

#ifdef CCCD_KIOSK_HAVE_CAMERA
    /// Where the camera's frames come from (a test gives still images or a video file).
    void setFrameSourceFactory(FrameSourceFactory factory);
#endif

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void press(const QString& key);
    void submit();
    void setMrzMode(bool on);
    void updateReadButton();
#ifdef CCCD_KIOSK_HAVE_CAMERA
    void showCameraStatus(CameraQrReader::Status status);
    void cameraFound(const qr::QrPayload& payload);
    void cameraRejected(qr::QrField field);
    void renderCameraStatus();
    [[nodiscard]] static QString fieldName(qr::QrField field);
#endif

    QLabel* m_title;
    QLabel* m_hint;
    QLabel* m_cameraStatus;
    QStackedWidget* m_modes;
    QWidget* m_idPage;
    QLineEdit* m_display;
    QLabel* m_problem;
    Keypad* m_keypad;
    MrzEntry* m_mrz;
    QPushButton* m_modeButton;
    QPushButton* m_read;
#ifdef CCCD_KIOSK_HAVE_CAMERA
    CameraQrReader* m_camera;
    std::optional<CameraQrReader::Status> m_cameraState;
    std::optional<qr::QrField> m_cameraProblem;
#endif
};

} // namespace cccd::kiosk::ui
