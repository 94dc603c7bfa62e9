#include "emulator/qr/PhotoEffects.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <opencv2/imgproc.hpp>

namespace cccd::emulator {

namespace {

// A smooth random field: a coarse grid of values in [lo, hi] interpolated to `size`.
cv::Mat smoothField(cv::Size size, cv::Size grid, double lo, double hi, PhotoRandom& random) {
    cv::Mat coarse(grid, CV_32FC1);
    for (int y = 0; y < grid.height; ++y) {
        for (int x = 0; x < grid.width; ++x) {
            coarse.at<float>(y, x) = static_cast<float>(random.uniform(lo, hi));
        }
    }
    cv::Mat field;
    cv::resize(coarse, field, size, 0, 0, cv::INTER_CUBIC);
    return field;
}

cv::Point2f randomPoint(cv::Size size, PhotoRandom& random) {
    return {static_cast<float>(random.uniform(0.0, size.width)),
            static_cast<float>(random.uniform(0.0, size.height))};
}

// A sheet of paper or a pen lying on the desk: a rotated filled rectangle.
void drawObject(cv::Mat& desk, PhotoRandom& random) {
    bool pen = random.chance(0.4);
    cv::Size2f extent = pen ? cv::Size2f(static_cast<float>(random.uniform(300.0, 700.0)),
                                         static_cast<float>(random.uniform(14.0, 30.0)))
                            : cv::Size2f(static_cast<float>(random.uniform(400.0, 900.0)),
                                         static_cast<float>(random.uniform(500.0, 1100.0)));
    cv::RotatedRect box(randomPoint(desk.size(), random), extent,
                        static_cast<float>(random.uniform(0.0, 180.0)));
    cv::Point2f corners[4];
    box.points(corners);
    std::vector<cv::Point> polygon;
    for (const cv::Point2f& corner : corners) {
        polygon.emplace_back(static_cast<int>(corner.x), static_cast<int>(corner.y));
    }
    double tone = pen ? random.uniform(20.0, 90.0) : random.uniform(200.0, 245.0);
    cv::Scalar colour(tone + random.uniform(-10.0, 10.0), tone, tone + random.uniform(-10.0, 10.0));
    cv::fillConvexPoly(desk, polygon, colour, cv::LINE_AA);
}

} // namespace

cv::Mat deskBackground(cv::Size size, PhotoRandom& random) {
    // Wood, grey laminate or a dark counter top.
    static const cv::Scalar tones[] = {
        {70, 110, 150}, {140, 140, 135}, {50, 45, 45}, {175, 185, 190}};
    cv::Scalar base = tones[random.integer(0, 3)];
    cv::Mat variation = smoothField(size, {6, 4}, -25.0, 25.0, random);
    cv::Mat desk(size, CV_32FC3);
    for (int y = 0; y < size.height; ++y) {
        const float* v = variation.ptr<float>(y);
        auto* pixel = desk.ptr<cv::Vec3f>(y);
        for (int x = 0; x < size.width; ++x) {
            for (int c = 0; c < 3; ++c) {
                pixel[x][c] = static_cast<float>(base[c]) + v[x];
            }
        }
    }
    cv::Mat out;
    desk.convertTo(out, CV_8UC3);
    int objects = random.integer(0, 3);
    for (int i = 0; i < objects; ++i) {
        drawObject(out, random);
    }
    return out;
}

void unevenLight(cv::Mat& frame, double depth, PhotoRandom& random) {
    cv::Mat gain = smoothField(frame.size(), {3, 2}, 1.0 - depth, 1.0, random);
    for (int y = 0; y < frame.rows; ++y) {
        const float* g = gain.ptr<float>(y);
        auto* pixel = frame.ptr<cv::Vec3f>(y);
        for (int x = 0; x < frame.cols; ++x) {
            pixel[x] *= g[x];
        }
    }
}

void addGlare(cv::Mat& frame, const cv::Rect2d& area, int spots, double radius, double strength,
              PhotoRandom& random) {
    for (int i = 0; i < spots; ++i) {
        double cx = area.x + area.width * random.uniform(0.1, 0.9);
        double cy = area.y + area.height * random.uniform(0.1, 0.9);
        double r = radius * random.uniform(0.7, 1.3);
        double aspect = random.uniform(0.35, 1.0); // a lamp's reflection is often a streak
        double angle = random.uniform(0.0, 180.0);
        // The spot drawn hard-edged then softened: a flat saturated core with a halo.
        int reach = static_cast<int>(std::ceil(2.0 * r)) + 2;
        cv::Rect box(static_cast<int>(cx) - reach, static_cast<int>(cy) - reach, 2 * reach,
                     2 * reach);
        box &= cv::Rect(0, 0, frame.cols, frame.rows);
        if (box.empty()) {
            continue;
        }
        cv::Mat spot(box.size(), CV_32FC1, cv::Scalar(0));
        cv::ellipse(spot, cv::Point(static_cast<int>(cx) - box.x, static_cast<int>(cy) - box.y),
                    cv::Size(static_cast<int>(r), std::max(1, static_cast<int>(r * aspect))), angle,
                    0, 360, cv::Scalar(1.0), cv::FILLED, cv::LINE_AA);
        cv::GaussianBlur(spot, spot, cv::Size(0, 0), std::max(1.0, r / 3.0));
        cv::Mat target = frame(box);
        double peak = strength * random.uniform(0.8, 1.2);
        for (int y = 0; y < box.height; ++y) {
            const float* s = spot.ptr<float>(y);
            auto* pixel = target.ptr<cv::Vec3f>(y);
            for (int x = 0; x < box.width; ++x) {
                float add = static_cast<float>(peak) * s[x];
                pixel[x] += cv::Vec3f(add, add, add);
            }
        }
    }
}

void changeExposure(cv::Mat& frame, double contrast, double brightness) {
    constexpr double Mid = 128.0;
    frame.convertTo(frame, CV_32FC3, contrast, (1.0 - contrast) * Mid + brightness);
}

void blurFrame(cv::Mat& frame, double sigma, double motionPixels, PhotoRandom& random) {
    if (sigma > 0.0) {
        cv::GaussianBlur(frame, frame, cv::Size(0, 0), sigma);
    }
    if (motionPixels >= 1.0) {
        // The kernel is a line through the centre, drawn anti-aliased with 4 fractional bits.
        constexpr int Shift = 4;
        constexpr double Unit = 1 << Shift;
        int side = static_cast<int>(std::ceil(motionPixels)) | 1;
        cv::Mat line(side, side, CV_8UC1, cv::Scalar(0));
        double angle = random.uniform(0.0, std::numbers::pi);
        double dx = std::cos(angle) * motionPixels / 2.0;
        double dy = std::sin(angle) * motionPixels / 2.0;
        double centre = (side - 1) / 2.0;
        cv::Point from(static_cast<int>(std::lround((centre - dx) * Unit)),
                       static_cast<int>(std::lround((centre - dy) * Unit)));
        cv::Point to(static_cast<int>(std::lround((centre + dx) * Unit)),
                     static_cast<int>(std::lround((centre + dy) * Unit)));
        cv::line(line, from, to, cv::Scalar(255), 1, cv::LINE_AA, Shift);
        cv::Mat kernel;
        line.convertTo(kernel, CV_32FC1, 1.0 / cv::sum(line)[0]);
        cv::filter2D(frame, frame, -1, kernel);
    }
}

void addNoise(cv::Mat& frame, double sigma, PhotoRandom& random) {
    if (sigma <= 0.0) {
        return;
    }
    for (int y = 0; y < frame.rows; ++y) {
        auto* pixel = frame.ptr<cv::Vec3f>(y);
        for (int x = 0; x < frame.cols; ++x) {
            for (int c = 0; c < 3; ++c) {
                pixel[x][c] += static_cast<float>(sigma * random.gaussian());
            }
        }
    }
}

} // namespace cccd::emulator
