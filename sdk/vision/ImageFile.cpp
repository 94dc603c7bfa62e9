#include "vision/ImageFile.h"

#include <fstream>
#include <opencv2/imgcodecs.hpp>

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
