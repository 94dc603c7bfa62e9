#include "emulator/qr/CardPlate.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

namespace cccd::emulator {

namespace {

/// Millimetres on the card to plate pixels.
class Ruler {
public:
    explicit Ruler(double pixelsPerMm) : m_scale(pixelsPerMm) {}

    [[nodiscard]] double px(double mm) const { return mm * m_scale; }

    [[nodiscard]] cv::Point point(double xMm, double yMm) const {
        return {static_cast<int>(std::lround(px(xMm))), static_cast<int>(std::lround(px(yMm)))};
    }

    [[nodiscard]] cv::Rect rect(double xMm, double yMm, double wMm, double hMm) const {
        return {point(xMm, yMm), point(xMm + wMm, yMm + hMm)};
    }

private:
    double m_scale;
};

cv::Scalar jittered(PhotoRandom& random, cv::Scalar base, double amount) {
    for (int i = 0; i < 3; ++i) {
        base[i] = std::clamp(base[i] + random.uniform(-amount, amount), 0.0, 255.0);
    }
    return base;
}

cv::Scalar shaded(cv::Scalar colour, double delta) {
    for (int i = 0; i < 3; ++i) {
        colour[i] = std::clamp(colour[i] + delta, 0.0, 255.0);
    }
    return colour;
}

// Security print: thin interleaved sine curves across the card, a little darker than the tint.
void drawGuilloche(cv::Mat& plate, cv::Scalar tint, PhotoRandom& random) {
    cv::Scalar line = shaded(tint, -28.0);
    int curves = 26;
    double period = plate.cols / random.uniform(2.5, 4.5);
    double amplitude = plate.rows / random.uniform(10.0, 16.0);
    int thickness = std::max(1, plate.rows / 500);
    for (int k = 0; k < curves; ++k) {
        double y0 = plate.rows * (k + 0.5) / curves;
        double phase = k * 0.45;
        std::vector<cv::Point> points;
        for (int x = 0; x <= plate.cols; x += std::max(2, plate.cols / 200)) {
            double angle = 2.0 * std::numbers::pi * x / period + phase;
            double y = y0 + amplitude * std::sin(angle) + 0.3 * amplitude * std::sin(3.0 * angle);
            points.emplace_back(x, static_cast<int>(std::lround(y)));
        }
        cv::polylines(plate, points, false, line, thickness, cv::LINE_AA);
    }
}

std::string randomWord(PhotoRandom& random, int minLength, int maxLength) {
    std::string word;
    int length = random.integer(minLength, maxLength);
    for (int i = 0; i < length; ++i) {
        word += static_cast<char>('A' + random.integer(0, 25));
    }
    return word;
}

// Text in Hershey's simplex font, `heightMm` the height of a capital.
void drawText(cv::Mat& plate, const Ruler& ruler, const std::string& text, double xMm, double yMm,
              double heightMm, cv::Scalar colour) {
    constexpr double CapitalPixelsAtScaleOne = 22.0; // FONT_HERSHEY_SIMPLEX, measured
    double scale = ruler.px(heightMm) / CapitalPixelsAtScaleOne;
    int thickness = std::max(1, static_cast<int>(std::lround(ruler.px(heightMm) / 9.0)));
    cv::putText(plate, text, ruler.point(xMm, yMm), cv::FONT_HERSHEY_SIMPLEX, scale, colour,
                thickness, cv::LINE_AA);
}

// A label and an invented value, as the card prints each field.
void drawField(cv::Mat& plate, const Ruler& ruler, double xMm, double yMm, PhotoRandom& random) {
    cv::Scalar label(70, 60, 50);
    cv::Scalar value(20, 20, 25);
    drawText(plate, ruler, randomWord(random, 3, 6) + " / " + randomWord(random, 4, 8) + ":", xMm,
             yMm, 1.1, label);
    std::string text = randomWord(random, 3, 7);
    while (text.size() < 16 && random.chance(0.7)) {
        text += " " + randomWord(random, 2, 6);
    }
    drawText(plate, ruler, text, xMm, yMm + 2.3, 1.6, value);
}

// The portrait of the 2021 front: a head and shoulders on a pale ground.
void drawPortrait(cv::Mat& plate, const Ruler& ruler, PhotoRandom& random) {
    cv::Rect box = ruler.rect(3.5, 13.0, 19.0, 25.0);
    plate(box).setTo(cv::Scalar(235, 235, 232));
    cv::Scalar skin = jittered(random, cv::Scalar(120, 150, 190), 25.0);
    cv::Scalar cloth = jittered(random, cv::Scalar(60, 55, 50), 20.0);
    cv::ellipse(plate, ruler.point(13.0, 38.0),
                cv::Size(static_cast<int>(ruler.px(9.0)), static_cast<int>(ruler.px(7.0))), 0, 180,
                360, cloth, cv::FILLED, cv::LINE_AA);
    cv::ellipse(plate, ruler.point(13.0, 23.5),
                cv::Size(static_cast<int>(ruler.px(5.0)), static_cast<int>(ruler.px(6.5))), 0, 0,
                360, skin, cv::FILLED, cv::LINE_AA);
    cv::ellipse(plate, ruler.point(13.0, 19.5),
                cv::Size(static_cast<int>(ruler.px(5.2)), static_cast<int>(ruler.px(3.2))), 0, 180,
                360, cv::Scalar(30, 30, 35), cv::FILLED, cv::LINE_AA);
}

// The contact plate of the 2024 back (ISO/IEC 7816-2 places it left of centre).
void drawChip(cv::Mat& plate, const Ruler& ruler) {
    cv::Rect chip = ruler.rect(7.0, 17.0, 11.0, 9.0);
    cv::rectangle(plate, chip, cv::Scalar(70, 160, 200), cv::FILLED, cv::LINE_AA);
    cv::Scalar groove(40, 110, 150);
    int thickness = std::max(1, static_cast<int>(ruler.px(0.25)));
    cv::line(plate, ruler.point(12.5, 17.0), ruler.point(12.5, 26.0), groove, thickness);
    for (double y : {20.0, 23.0}) {
        cv::line(plate, ruler.point(7.0, y), ruler.point(18.0, y), groove, thickness);
    }
}

// Three lines of 30 OCR-B characters (ICAO 9303-5 TD1), invented, at the bottom of the back.
void drawMachineReadableZone(cv::Mat& plate, const Ruler& ruler, PhotoRandom& random) {
    cv::Rect zone = ruler.rect(0.0, 36.0, CardWidthMm, CardHeightMm - 36.0);
    plate(zone).setTo(cv::Scalar(238, 238, 236));
    for (int line = 0; line < 3; ++line) {
        std::string text;
        for (int i = 0; i < 30; ++i) {
            int pick = random.integer(0, 9);
            text += pick < 3 ? '<'
                             : (pick < 7 ? static_cast<char>('0' + random.integer(0, 9))
                                         : static_cast<char>('A' + random.integer(0, 25)));
        }
        drawText(plate, ruler, text, 4.0, 41.0 + 4.6 * line, 2.2, cv::Scalar(15, 15, 15));
    }
}

// The symbol with its quiet zone printed on a pale patch; the module grid resampled to the
// plate's pixels by area, as a lens would average it.
void drawQr(cv::Mat& plate, const vision::GrayImage& qr, const cv::Rect& where, cv::Scalar paper,
            cv::Scalar ink) {
    cv::Mat modules(qr.height, qr.width, CV_8UC1, const_cast<std::uint8_t*>(qr.pixels.data()));
    cv::Mat coverage;
    cv::resize(modules, coverage, where.size(), 0, 0, cv::INTER_AREA);
    cv::Mat target = plate(where);
    for (int y = 0; y < target.rows; ++y) {
        const auto* light = coverage.ptr<std::uint8_t>(y);
        auto* pixel = target.ptr<cv::Vec3b>(y);
        for (int x = 0; x < target.cols; ++x) {
            double a = light[x] / 255.0;
            for (int c = 0; c < 3; ++c) {
                pixel[x][c] = cv::saturate_cast<std::uint8_t>(a * paper[c] + (1.0 - a) * ink[c]);
            }
        }
    }
}

cv::Mat roundedMask(cv::Size size, int radius) {
    cv::Mat mask(size, CV_8UC1, cv::Scalar(0));
    int w = size.width;
    int h = size.height;
    cv::rectangle(mask, cv::Rect(radius, 0, w - 2 * radius, h), cv::Scalar(255), cv::FILLED);
    cv::rectangle(mask, cv::Rect(0, radius, w, h - 2 * radius), cv::Scalar(255), cv::FILLED);
    for (cv::Point corner :
         {cv::Point(radius, radius), cv::Point(w - 1 - radius, radius),
          cv::Point(radius, h - 1 - radius), cv::Point(w - 1 - radius, h - 1 - radius)}) {
        cv::circle(mask, corner, radius, cv::Scalar(255), cv::FILLED, cv::LINE_AA);
    }
    return mask;
}

} // namespace

CardPlate drawCardPlate(const vision::GrayImage& qr, CardQrLayout layout, double pixelsPerMm,
                        PhotoRandom& random) {
    Ruler ruler(pixelsPerMm);
    cv::Size size(static_cast<int>(std::lround(ruler.px(CardWidthMm))),
                  static_cast<int>(std::lround(ruler.px(CardHeightMm))));
    bool front2021 = layout == CardQrLayout::Cccd2021;
    cv::Scalar tint =
        jittered(random, front2021 ? cv::Scalar(222, 228, 205) : cv::Scalar(226, 220, 214), 12.0);

    CardPlate plate;
    plate.colour = cv::Mat(size, CV_8UC3, tint);
    drawGuilloche(plate.colour, tint, random);
    cv::Scalar heading = front2021 ? cv::Scalar(40, 40, 170) : cv::Scalar(110, 60, 30);
    drawText(plate.colour, ruler, "CONG HOA XA HOI CHU NGHIA VIET NAM", 22.0, 6.0, 1.5, heading);
    drawText(plate.colour, ruler, randomWord(random, 4, 6) + " " + randomWord(random, 4, 8), 30.0,
             10.0, 2.0, heading);
    if (front2021) {
        drawPortrait(plate.colour, ruler, random);
        for (int row = 0; row < 5; ++row) {
            drawField(plate.colour, ruler, 25.0, 16.0 + 6.5 * row, random);
        }
    } else {
        drawChip(plate.colour, ruler);
        for (int row = 0; row < 3; ++row) {
            drawField(plate.colour, ruler, 22.0, 16.0 + 6.5 * row, random);
        }
        drawMachineReadableZone(plate.colour, ruler, random);
    }

    // QR in the top right corner, over the print.
    double qrX = CardWidthMm - 3.0 - QrSideMm;
    double qrY = front2021 ? 13.0 : 3.0;
    plate.qr = cv::Rect2d(ruler.px(qrX), ruler.px(qrY), ruler.px(QrSideMm), ruler.px(QrSideMm));
    cv::Rect qrPixels(cv::Point(static_cast<int>(std::lround(plate.qr.x)),
                                static_cast<int>(std::lround(plate.qr.y))),
                      cv::Size(static_cast<int>(std::lround(plate.qr.width)),
                               static_cast<int>(std::lround(plate.qr.height))));
    qrPixels &= cv::Rect(cv::Point(0, 0), size);
    drawQr(plate.colour, qr, qrPixels, shaded(tint, 18.0), jittered(random, {35, 30, 30}, 10.0));

    plate.mask = roundedMask(size, static_cast<int>(std::lround(ruler.px(CardCornerRadiusMm))));
    return plate;
}

} // namespace cccd::emulator
