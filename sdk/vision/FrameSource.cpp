#include "vision/FrameSource.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "base/Error.h"
#include "vision/ImageFile.h"
#include "vision/OpenCvImage.h"

namespace cccd::vision {

struct FrameSource::State {
    cv::VideoCapture capture;
    std::vector<std::filesystem::path> images;
    std::size_t nextImage = 0;
};

FrameSource::FrameSource(std::unique_ptr<State> state) : m_state(std::move(state)) {}

FrameSource::FrameSource(FrameSource&&) noexcept = default;
FrameSource& FrameSource::operator=(FrameSource&&) noexcept = default;
FrameSource::~FrameSource() = default;

FrameSource FrameSource::camera(int index, int width, int height) {
    auto state = std::make_unique<State>();
    if (index < 0 || !state->capture.open(index, cv::CAP_V4L2)) {
        throw Error(ErrorCode::Io, "cannot open camera " + std::to_string(index));
    }
    state->capture.set(cv::CAP_PROP_FRAME_WIDTH, width);
    state->capture.set(cv::CAP_PROP_FRAME_HEIGHT, height);
    return FrameSource(std::move(state));
}

FrameSource FrameSource::video(const std::filesystem::path& path) {
    auto state = std::make_unique<State>();
    if (!std::filesystem::is_regular_file(path) || !state->capture.open(path.string())) {
        throw Error(ErrorCode::Io, "cannot open the video file");
    }
    return FrameSource(std::move(state));
}

FrameSource FrameSource::images(std::vector<std::filesystem::path> paths) {
    auto state = std::make_unique<State>();
    state->images = std::move(paths);
    return FrameSource(std::move(state));
}

std::optional<GrayImage> FrameSource::next() {
    if (!m_state->capture.isOpened()) {
        if (m_state->nextImage >= m_state->images.size()) {
            return std::nullopt;
        }
        return readImageFile(m_state->images[m_state->nextImage++]);
    }
    cv::Mat frame;
    if (!m_state->capture.read(frame) || frame.empty()) {
        return std::nullopt;
    }
    cv::Mat gray;
    if (frame.channels() == 1) {
        gray = frame;
    } else {
        cv::cvtColor(frame, gray, frame.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
    }
    return grayImageOf(gray);
}

} // namespace cccd::vision
