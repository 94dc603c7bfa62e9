#include "kiosk/core/output/PdfRenderer.h"

#include <QFile>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPdfWriter>
#include <QString>
#include <QTextDocument>

#include "base/Error.h"

namespace cccd::kiosk {

namespace {

QString html(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped();
}

// The form as simple HTML: one block per field, label above value, so that a long value wraps
// within its own lines and stays in reading order.
QString formHtml(const FilledForm& form, Language language) {
    const FormDefinition& definition = form.definition();
    LocalizedText chipMark{"(từ chip)", "(from the chip)"};
    QString out;
    out += "<p align=right style='font-size:9pt'>" + html(definition.code) + "</p>";
    out += "<h2 align=center>" + html(definition.title.in(language)) + "</h2>";
    out += "<p align=center style='font-size:9pt'><i>" + html(definition.legalBasis.in(language)) +
           "</i></p>";
    for (const FormSection& section : definition.sections) {
        out += "<h3>" + html(section.title.in(language)) + "</h3>";
        for (const FormField& field : section.fields) {
            out += "<p style='margin-bottom:2px'><b>" + html(field.label.in(language)) + "</b>";
            if (field.fromChip()) {
                out += " <span style='color:#555555;font-size:8pt'>" + html(chipMark.in(language)) +
                       "</span>";
            }
            out += "<br>" + html(form.value(field.id)) + "</p>";
        }
    }
    return out;
}

} // namespace

void renderForm(const FilledForm& form, Language language, QPagedPaintDevice& device,
                int resolution) {
    QTextDocument document;
    QFont font(PdfFontFamily);
    font.setPointSizeF(11);
    document.setDefaultFont(font);
    QString body = formHtml(form, language);
    document.setHtml(body);
    body.fill(QChar(0));
    document.setPageSize(device.pageLayout().paintRectPixels(resolution).size());
    document.print(&device);
    document.clear();
}

void renderPdf(const FilledForm& form, Language language, const std::filesystem::path& file) {
    QString path = QString::fromStdString(file.string());
    QPdfWriter writer(path);
    if (!writer.setPageSize(QPageSize(QPageSize::A4))) {
        throw Error(ErrorCode::Io, "the PDF writer does not take A4");
    }
    writer.setPageMargins(QMarginsF(20, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(QString::fromStdString(form.definition().code));
    writer.setCreator("cccd kiosk");
    renderForm(form, language, writer, writer.resolution());
    if (!QFile::exists(path)) {
        throw Error(ErrorCode::Io, "cannot write the PDF file");
    }
}

} // namespace cccd::kiosk
