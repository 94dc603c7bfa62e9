#include "TestImages.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "base/Error.h"
#include "sdk/mrz/CccdSpec.h"
#include "vision/OpenCvImage.h"

namespace cccd::visiontest {

std::string examplePayload() {
    std::string text = test::spec::section(test::spec::markdown("cccd.md"), "### 4.1 2021 CCCD");
    std::size_t at = text.find("Invented example:");
    std::size_t open = text.find('`', at);
    std::size_t close = text.find('`', open + 1);
    return text.substr(open + 1, close - open - 1);
}

vision::GrayImage scene(const std::string& payload, int moduleSize, int x, int y,
                        emulator::QrCharsetMarking marking) {
    Bytes bytes = toBytes(payload);
    vision::GrayImage symbol = emulator::renderQr(bytes, moduleSize, marking);
    cv::Mat canvas(1080, 1920, CV_8UC1, cv::Scalar(150));
    vision::matView(symbol).copyTo(canvas(cv::Rect(x, y, symbol.width, symbol.height)));
    return vision::grayImageOf(canvas);
}

Bytes encodedColorImage(int width, int height, const std::string& extension) {
    cv::Mat image(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            image.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<std::uint8_t>(255 * x / width),
                                                  static_cast<std::uint8_t>(255 * y / height), 90);
        }
    }
    cv::circle(image, cv::Point(width / 2, height / 2), std::min(width, height) / 3,
               cv::Scalar(30, 40, 200), cv::FILLED);
    std::vector<std::uint8_t> encoded;
    if (!cv::imencode(extension, image, encoded)) {
        throw Error(ErrorCode::Io, "OpenCV cannot encode " + extension);
    }
    return Bytes(encoded.begin(), encoded.end());
}

vision::GrayImage rotated(const vision::GrayImage& image, double degrees) {
    cv::Mat in = vision::matView(image);
    cv::Mat m = cv::getRotationMatrix2D(
        cv::Point2f(static_cast<float>(in.cols) / 2, static_cast<float>(in.rows) / 2), degrees,
        1.0);
    cv::Mat out;
    cv::warpAffine(in, out, m, in.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(150));
    return vision::grayImageOf(out);
}

vision::GrayImage lowContrast(const vision::GrayImage& image, double factor) {
    cv::Mat out;
    vision::matView(image).convertTo(out, CV_8UC1, factor, 128.0 * (1.0 - factor));
    return vision::grayImageOf(out);
}

vision::GrayImage withGlare(const vision::GrayImage& image, int x, int y, int radius) {
    cv::Mat out = vision::matView(image).clone();
    cv::Mat glare(out.size(), CV_8UC1, cv::Scalar(0));
    cv::ellipse(glare, cv::Point(x, y), cv::Size(radius, radius * 2 / 3), 30, 0, 360,
                cv::Scalar(255), cv::FILLED);
    cv::GaussianBlur(glare, glare, cv::Size(0, 0), radius / 4.0);
    cv::add(out, glare, out);
    return vision::grayImageOf(out);
}

void writeVideo(const std::filesystem::path& file, const std::vector<vision::GrayImage>& frames) {
    cv::Size size(frames.at(0).width, frames.at(0).height);
    cv::VideoWriter writer(file.string(), cv::CAP_OPENCV_MJPEG,
                           cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 10.0, size, true);
    if (!writer.isOpened()) {
        throw std::runtime_error("cannot write the test video");
    }
    for (const vision::GrayImage& frame : frames) {
        cv::Mat colour;
        cv::cvtColor(vision::matView(frame), colour, cv::COLOR_GRAY2BGR);
        writer.write(colour);
    }
}

} // namespace cccd::visiontest
