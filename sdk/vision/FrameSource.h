#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "vision/GrayImage.h"

namespace cccd::vision {

/// Where frames come from: a V4L2 camera, a video file, or still images, through OpenCV.
class FrameSource {
public:
    /// A camera by index (/dev/videoN on Linux), asked for this resolution. Throws Error(Io)
    /// when the camera cannot be opened.
    [[nodiscard]] static FrameSource camera(int index, int width = 1920, int height = 1080);

    /// A video file; throws Error(Io) when it cannot be opened.
    [[nodiscard]] static FrameSource video(const std::filesystem::path& path);

    /// Still images, one frame each, in order; a file that is not an image throws when reached.
    [[nodiscard]] static FrameSource images(std::vector<std::filesystem::path> paths);

    FrameSource(FrameSource&&) noexcept;
    FrameSource& operator=(FrameSource&&) noexcept;
    ~FrameSource();

    /// The next frame; nullopt at the end of a file or when the camera stops delivering.
    [[nodiscard]] std::optional<GrayImage> next();

private:
    struct State;
    explicit FrameSource(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace cccd::vision
