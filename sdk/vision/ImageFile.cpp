#include "vision/ImageFile.h"

#include <climits>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "base/Error.h"
#include "vision/OpenCvImage.h"

namespace cccd::vision {

GrayImage readImageFile(const std::filesystem::path& path) {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) {
        throw Error(ErrorCode::Io, "cannot open the image file");
    }
    // IMREAD_GRAYSCALE applies the EXIF orientation (OpenCV does unless told to ignore it).
    cv::Mat gray;
    try {
        gray = cv::imread(path.string(), cv::IMREAD_GRAYSCALE);
    } catch (const cv::Exception&) {
        gray.release();
    }
    if (gray.empty()) {
        throw Error(ErrorCode::MalformedData, "the file is not an image OpenCV can read");
    }
    return grayImageOf(gray);
}

ColorImage decodeColorImage(ByteView encoded) {
    if (encoded.empty() || encoded.size() > static_cast<std::size_t>(INT_MAX)) {
        throw Error(ErrorCode::MalformedData, "no image bytes, or more than an image can hold");
    }
    // A header over the caller's bytes: imdecode only reads them.
    cv::Mat source(1, static_cast<int>(encoded.size()), CV_8UC1,
                   const_cast<std::uint8_t*>(encoded.data()));
    cv::Mat bgr;
    try {
        bgr = cv::imdecode(source, cv::IMREAD_COLOR);
    } catch (const cv::Exception&) {
        bgr.release();
    }
    if (bgr.empty() || bgr.type() != CV_8UC3) {
        throw Error(ErrorCode::MalformedData, "the bytes are not an image OpenCV can decode");
    }
    ColorImage out;
    out.width = bgr.cols;
    out.height = bgr.rows;
    out.pixels.resize(out.size());
    cv::Mat rgb(bgr.rows, bgr.cols, CV_8UC3, out.pixels.data());
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    // The decoded portrait is personal data: no copy outlives this call but the caller's.
    bgr.setTo(cv::Scalar::all(0));
    return out;
}

void writeImageFile(const std::filesystem::path& path, const GrayImage& image) {
    bool written = false;
    try {
        written = !image.empty() && cv::imwrite(path.string(), matView(image));
    } catch (const cv::Exception&) {
        written = false;
    }
    if (!written) {
        throw Error(ErrorCode::Io, "cannot write the image file");
    }
}

} // namespace cccd::vision
