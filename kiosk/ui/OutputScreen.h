#pragma once

#include <QLabel>
#include <QPrinter>
#include <QPushButton>
#include <filesystem>
#include <functional>
#include <memory>

#include "kiosk/ui/Screen.h"

namespace cccd::kiosk {
class JsonPoster;
}

namespace cccd::kiosk::ui {

/// Output: print, save as PDF, export JSON to the output folder, POST to the endpoint; then
/// finish (which wipes the session).
class OutputScreen : public Screen {
    Q_OBJECT
public:
    OutputScreen(KioskContext& context, QWidget* parent);
    ~OutputScreen() override;
    void retranslate() override;
    void clear() override;

    /// Where the last "save as PDF" wrote (for the clerk and the tests); empty before.
    [[nodiscard]] const std::filesystem::path& lastPdf() const { return m_lastPdf; }

    /// The printer "print" uses. Unset, the print dialog asks for one; set (tests, a counter
    /// with a fixed printer), the form goes to the printer it returns without a dialog.
    using PrinterFactory = std::function<std::unique_ptr<QPrinter>()>;

    void setPrinterFactory(PrinterFactory factory) { m_printerFactory = std::move(factory); }

private:
    void print();
    void savePdf();
    void exportJsonFile();
    void post();
    [[nodiscard]] std::string stamp() const;
    [[nodiscard]] const FilledForm* form() const;

    QLabel* m_title;
    QLabel* m_status;
    QPushButton* m_print;
    QPushButton* m_pdf;
    QPushButton* m_json;
    QPushButton* m_post;
    QPushButton* m_back;
    QPushButton* m_finish;
    std::filesystem::path m_lastPdf;
    std::unique_ptr<JsonPoster> m_poster;
    PrinterFactory m_printerFactory;
};

} // namespace cccd::kiosk::ui
