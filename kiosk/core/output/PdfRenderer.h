#pragma once

#include <filesystem>

#include "kiosk/core/FilledForm.h"

class QPagedPaintDevice;

namespace cccd::kiosk {

/// The font the PDF uses: it has every Vietnamese letter with its tone marks (Debian:
/// fonts-dejavu-core).
inline constexpr const char* PdfFontFamily = "DejaVu Sans";

/// Renders a filled form to an A4 PDF: the form's code, title and legal basis at the head, then
/// each section with its fields; fields from the chip are marked as such. Text stays text (it
/// can be searched and extracted). Needs a QGuiApplication (the font database); any platform
/// plugin will do, "offscreen" included. Throws Error(Io) when the file cannot be written.
void renderPdf(const FilledForm& form, Language language, const std::filesystem::path& file);

/// Lays the filled form out on a paged device (a QPdfWriter, or a QPrinter for the counter's
/// printer) whose page layout is already set; `resolution` is the device's dots per inch.
void renderForm(const FilledForm& form, Language language, QPagedPaintDevice& device,
                int resolution);

} // namespace cccd::kiosk
