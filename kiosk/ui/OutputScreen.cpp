#include "kiosk/ui/OutputScreen.h"

#include <QDateTime>
#include <QGridLayout>
#include <QPrintDialog>
#include <QPrinter>
#include <QVBoxLayout>

#include "kiosk/core/JsonExport.h"
#include "kiosk/core/output/JsonPoster.h"
#include "kiosk/core/output/PdfRenderer.h"

namespace cccd::kiosk::ui {

OutputScreen::OutputScreen(KioskContext& context, QWidget* parent)
    : Screen(context, parent), m_title(new QLabel(this)), m_status(new QLabel(this)),
      m_print(new QPushButton(this)), m_pdf(new QPushButton(this)), m_json(new QPushButton(this)),
      m_post(new QPushButton(this)), m_back(new QPushButton(this)),
      m_finish(new QPushButton(this)) {
    setObjectName("output");
    m_title->setProperty("role", "headline");
    m_status->setObjectName("outputStatus");
    m_status->setWordWrap(true);
    m_print->setObjectName("printButton");
    m_pdf->setObjectName("savePdfButton");
    m_json->setObjectName("exportJsonButton");
    m_post->setObjectName("postButton");
    m_back->setObjectName("outputBack");
    m_finish->setObjectName("finishButton");
    m_finish->setProperty("role", "primary");
    connect(m_print, &QPushButton::clicked, this, [this] { print(); });
    connect(m_pdf, &QPushButton::clicked, this, [this] { savePdf(); });
    connect(m_json, &QPushButton::clicked, this, [this] { exportJsonFile(); });
    connect(m_post, &QPushButton::clicked, this, [this] { post(); });
    connect(m_back, &QPushButton::clicked, this, [this] { m_context.workflow.back(); });
    connect(m_finish, &QPushButton::clicked, this, [this] { m_context.workflow.proceed(); });
    auto* grid = new QGridLayout;
    grid->addWidget(m_print, 0, 0);
    grid->addWidget(m_pdf, 0, 1);
    grid->addWidget(m_json, 1, 0);
    grid->addWidget(m_post, 1, 1);
    for (QPushButton* button : {m_print, m_pdf, m_json, m_post}) {
        button->setProperty("role", "big");
    }
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_back);
    bottom->addStretch();
    bottom->addWidget(m_finish);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(grid);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addLayout(bottom);
    retranslate();
}

OutputScreen::~OutputScreen() = default;

void OutputScreen::retranslate() {
    m_title->setText(tr("Xuất biểu mẫu"));
    m_print->setText(tr("In"));
    m_pdf->setText(tr("Lưu PDF"));
    m_json->setText(tr("Xuất JSON"));
    m_post->setText(tr("Gửi về hệ thống một cửa"));
    m_back->setText(tr("◀ Sửa biểu mẫu"));
    m_finish->setText(tr("Hoàn tất ▶"));
    m_post->setEnabled(!m_context.settings.endpointUrl.empty());
}

const FilledForm* OutputScreen::form() const {
    return m_context.workflow.session().form.get();
}

std::string OutputScreen::stamp() const {
    // The file name holds the time and the counter only, never personal data.
    return QDateTime::currentDateTimeUtc().toString("yyyyMMdd-HHmmsszzz").toStdString() + "-" +
           (m_context.settings.counterId.empty() ? "counter" : m_context.settings.counterId);
}

void OutputScreen::print() {
    if (form() == nullptr) {
        return;
    }
    std::unique_ptr<QPrinter> printer;
    if (m_printerFactory) {
        printer = m_printerFactory();
    } else {
        printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
        QPrintDialog dialog(printer.get(), this);
        if (dialog.exec() != QDialog::Accepted) {
            return;
        }
    }
    if (!printer || !printer->isValid()) {
        m_status->setText(tr("Không in được: không có máy in. Hãy lưu thành PDF rồi in sau."));
        return;
    }
    printer->setPageSize(QPageSize(QPageSize::A4));
    renderForm(*form(), m_context.language, *printer, printer->resolution());
    m_status->setText(tr("Đã gửi biểu mẫu tới máy in."));
}

void OutputScreen::savePdf() {
    if (form() == nullptr) {
        return;
    }
    std::filesystem::path file = std::filesystem::path(m_context.settings.outputFolder) /
                                 (form()->definition().id + "-" + stamp() + ".pdf");
    try {
        renderPdf(*form(), m_context.language, file);
        m_lastPdf = file;
        m_status->setText(tr("Đã lưu PDF: %1").arg(qstr(file.string())));
    } catch (const Error&) {
        m_status->setText(tr("Không lưu được PDF. Kiểm tra thư mục xuất trong phần cài đặt."));
    }
}

void OutputScreen::exportJsonFile() {
    if (form() == nullptr) {
        return;
    }
    try {
        std::filesystem::path file = exportJson(*form(), m_context.settings.outputFolder, stamp());
        m_status->setText(tr("Đã xuất JSON: %1").arg(qstr(file.string())));
    } catch (const Error&) {
        m_status->setText(tr("Không xuất được JSON. Kiểm tra thư mục xuất trong phần cài đặt."));
    }
}

void OutputScreen::post() {
    if (form() == nullptr || m_context.settings.endpointUrl.empty()) {
        return;
    }
    try {
        m_poster =
            std::make_unique<JsonPoster>(m_context.settings.endpointUrl, std::chrono::seconds(15));
    } catch (const Error&) {
        m_status->setText(tr("Địa chỉ gửi không hợp lệ. Kiểm tra phần cài đặt."));
        return;
    }
    m_post->setEnabled(false);
    m_status->setText(tr("Đang gửi…"));
    m_poster->post(form()->toJson(), [this](const PostResult& result) {
        m_post->setEnabled(true);
        m_status->setText(
            result.ok
                ? tr("Hệ thống một cửa đã nhận biểu mẫu.")
                : tr("Gửi không thành công (%1). Thử lại hoặc lưu PDF.").arg(qstr(result.problem)));
    });
}

void OutputScreen::clear() {
    m_status->clear();
    m_lastPdf.clear();
}

} // namespace cccd::kiosk::ui
