#pragma once

// What the camera and the room do to the scene: for the photo generator's sources only. The
// effects work in place on a 32-bit float BGR frame (grey levels 0-255, not yet clipped).

#include <opencv2/core.hpp>

#include "emulator/qr/PhotoRandom.h"

namespace cccd::emulator {

/// A desk (8-bit BGR): a base colour with slow variation and a few objects (papers, a pen).
[[nodiscard]] cv::Mat deskBackground(cv::Size size, PhotoRandom& random);

/// Uneven lighting: the frame multiplied by a smooth gain field in [1 - depth, 1].
void unevenLight(cv::Mat& frame, double depth, PhotoRandom& random);

/// Specular highlights of lamps on the laminate: soft elliptic spots added to every channel
/// (so they whiten and saturate), centred within `area`.
void addGlare(cv::Mat& frame, const cv::Rect2d& area, int spots, double radius, double strength,
              PhotoRandom& random);

/// Exposure: the range around mid grey scaled by `contrast`, then shifted by `brightness`.
void changeExposure(cv::Mat& frame, double contrast, double brightness);

/// Defocus (Gaussian, `sigma` pixels) and a straight motion blur of `motionPixels` at a random
/// angle (none when 0).
void blurFrame(cv::Mat& frame, double sigma, double motionPixels, PhotoRandom& random);

/// Sensor noise, independent per pixel and channel, `sigma` grey levels.
void addNoise(cv::Mat& frame, double sigma, PhotoRandom& random);

} // namespace cccd::emulator
