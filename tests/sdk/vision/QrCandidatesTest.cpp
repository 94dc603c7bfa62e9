// The search for regions textured like a QR symbol: it finds a pasted symbol at the sizes the
// decoder searches for (a frame shrunk to a quarter, the full frame with smoothing), also under
// sensor noise, finds nothing in a flat frame, and never changes the frame it searches.
#include "vision/QrCandidates.h"

#include <cstdint>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <random>

#include <gtest/gtest.h>

#include "TestImages.h"
#include "emulator/qr/QrRenderer.h"
#include "vision/OpenCvImage.h"

using namespace cccd;
using namespace cccd::vision;
using namespace cccd::visiontest;

namespace {

constexpr int SymbolX = 700;
constexpr int SymbolY = 300;

// The first candidate holds the symbol's centre and is about its size.
void expectSymbolFound(const std::vector<cv::Rect>& regions, const cv::Rect& symbol, double scale) {
    ASSERT_FALSE(regions.empty());
    cv::Rect first(static_cast<int>(regions[0].x / scale), static_cast<int>(regions[0].y / scale),
                   static_cast<int>(regions[0].width / scale),
                   static_cast<int>(regions[0].height / scale));
    EXPECT_TRUE(first.contains((symbol.tl() + symbol.br()) / 2)) << first;
    EXPECT_GT(first.width, symbol.width / 2) << first;
    EXPECT_LT(first.width, symbol.width * 3 / 2) << first;
}

cv::Rect symbolRect(const std::string& payload, int moduleSize) {
    GrayImage alone = emulator::renderQr(toBytes(payload), moduleSize);
    return {SymbolX, SymbolY, alone.width, alone.height};
}

cv::Mat withNoise(const cv::Mat& gray, double sigma) {
    cv::Mat noise(gray.size(), CV_16SC1);
    cv::randn(noise, 0, sigma);
    cv::Mat out;
    cv::Mat wide;
    gray.convertTo(wide, CV_16SC1);
    cv::Mat sum = wide + noise;
    sum.convertTo(out, CV_8UC1);
    return out;
}

} // namespace

TEST(QrCandidatesTest, FindsTheSymbolOnAQuarterOfTheFrame) {
    std::string payload = examplePayload();
    GrayImage frame = scene(payload, 5, SymbolX, SymbolY);
    cv::Mat quarter;
    cv::resize(matView(frame), quarter, cv::Size(), 0.25, 0.25, cv::INTER_AREA);
    expectSymbolFound(qrCandidateRegions(quarter, {5, 0.0, 2}), symbolRect(payload, 5), 0.25);
}

TEST(QrCandidatesTest, FindsASmallSymbolInTheFullFrameUnderNoise) {
    std::string payload = examplePayload();
    GrayImage frame = scene(payload, 2, SymbolX, SymbolY);
    cv::theRNG().state = 20261204U;
    cv::Mat noisy = withNoise(matView(frame), 40.0);
    expectSymbolFound(qrCandidateRegions(noisy, {15, 1.0, 2}), symbolRect(payload, 2), 1.0);
}

TEST(QrCandidatesTest, FlatFrameHasNoCandidate) {
    cv::Mat flat(1080, 1920, CV_8UC1, cv::Scalar(150));
    EXPECT_TRUE(qrCandidateRegions(flat, {15, 1.0, 2}).empty());
    EXPECT_TRUE(qrCandidateRegions(cv::Mat(10, 10, CV_8UC1, cv::Scalar(0))).empty());
}

TEST(QrCandidatesTest, SearchLeavesTheFrameUnchanged) {
    // The smoothing is made on a copy: the frame belongs to the caller (a camera buffer).
    std::string payload = examplePayload();
    GrayImage frame = scene(payload, 2, SymbolX, SymbolY);
    GrayImage before = frame;
    ASSERT_FALSE(qrCandidateRegions(matView(frame), {15, 1.5, 2}).empty());
    EXPECT_EQ(frame.pixels, before.pixels);
}
