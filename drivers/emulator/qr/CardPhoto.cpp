#include "emulator/qr/CardPhoto.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "base/Error.h"
#include "emulator/qr/CardPlate.h"
#include "emulator/qr/PhotoEffects.h"

namespace cccd::emulator {

namespace {

// A phone or webcam at 1080p with a horizontal field of view of about 62°.
constexpr double FocalPixels = 1600.0;
// The QR stays this far inside the frame's edges.
constexpr double EdgeMargin = 16.0;
// Scene details draw from a stream of their own, apart from the set's parameter choices.
constexpr std::uint32_t SceneStream = 0x9E3779B9U;

double radians(double degrees) {
    return degrees * std::numbers::pi / 180.0;
}

/// The card seen by a pinhole camera: turned about its axes and the optical axis, at the distance
/// where the plate's pixels are frame pixels at the QR's centre (so a module measures
/// spec.modulePixels there).
class CardPose {
public:
    CardPose(const CardPhotoSpec& spec, cv::Point2d pivot) : m_pivot(pivot) {
        double a = radians(spec.tiltXDegrees);
        double b = radians(spec.tiltYDegrees);
        double c = radians(spec.rotationDegrees);
        cv::Matx33d rx(1, 0, 0, 0, std::cos(a), -std::sin(a), 0, std::sin(a), std::cos(a));
        cv::Matx33d ry(std::cos(b), 0, std::sin(b), 0, 1, 0, -std::sin(b), 0, std::cos(b));
        cv::Matx33d rz(std::cos(c), -std::sin(c), 0, std::sin(c), std::cos(c), 0, 0, 0, 1);
        m_rotation = rz * ry * rx;
    }

    /// A plate point, relative to the frame point where the pivot lands.
    [[nodiscard]] cv::Point2d project(cv::Point2d platePoint) const {
        cv::Vec3d p = m_rotation * cv::Vec3d(platePoint.x - m_pivot.x, platePoint.y - m_pivot.y, 0);
        double depth = std::max(FocalPixels + p[2], 0.2 * FocalPixels);
        return {FocalPixels * p[0] / depth, FocalPixels * p[1] / depth};
    }

private:
    cv::Point2d m_pivot;
    cv::Matx33d m_rotation;
};

std::array<cv::Point2d, 4> corners(const cv::Rect2d& r) {
    return {cv::Point2d(r.x, r.y), cv::Point2d(r.x + r.width, r.y),
            cv::Point2d(r.x + r.width, r.y + r.height), cv::Point2d(r.x, r.y + r.height)};
}

cv::Rect2d boundsOf(const std::array<cv::Point2d, 4>& points) {
    double x0 = points[0].x;
    double y0 = points[0].y;
    double x1 = x0;
    double y1 = y0;
    for (const cv::Point2d& p : points) {
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    return {x0, y0, x1 - x0, y1 - y0};
}

// Where the QR's centre lands: near the middle, where one aims, and always whole in the frame.
cv::Point2d placeQr(const cv::Rect2d& qrAroundCentre, PhotoRandom& random) {
    constexpr double Aim = 0.6; // of the room the frame leaves on either side of the middle
    auto along = [&random](double lowEdge, double highEdge, double size) {
        double lo = EdgeMargin - lowEdge;
        double hi = size - EdgeMargin - highEdge;
        double middle = (lo + hi) / 2.0;
        double spread = Aim * (hi - lo) / 2.0;
        return lo < hi ? random.uniform(middle - spread, middle + spread) : size / 2.0;
    };
    double x = along(qrAroundCentre.x, qrAroundCentre.x + qrAroundCentre.width, PhotoWidth);
    double y = along(qrAroundCentre.y, qrAroundCentre.y + qrAroundCentre.height, PhotoHeight);
    return {x, y};
}

// The card laid on the desk: plate and desk blended through the card's anti-aliased outline.
cv::Mat composite(const cv::Mat& desk, const CardPlate& plate, const cv::Mat& homography) {
    cv::Size size = desk.size();
    cv::Mat card;
    cv::Mat mask;
    cv::warpPerspective(plate.colour, card, homography, size, cv::INTER_LINEAR,
                        cv::BORDER_CONSTANT);
    cv::warpPerspective(plate.mask, mask, homography, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT);
    cv::Mat frame(size, CV_32FC3);
    for (int y = 0; y < size.height; ++y) {
        const auto* d = desk.ptr<cv::Vec3b>(y);
        const auto* c = card.ptr<cv::Vec3b>(y);
        const auto* m = mask.ptr<std::uint8_t>(y);
        auto* out = frame.ptr<cv::Vec3f>(y);
        for (int x = 0; x < size.width; ++x) {
            float a = m[x] / 255.0F;
            for (int k = 0; k < 3; ++k) {
                out[x][k] = (1.0F - a) * d[x][k] + a * c[x][k];
            }
        }
    }
    return frame;
}

} // namespace

CardPhoto renderCardPhoto(const CardPhotoSpec& spec) {
    if (spec.modulePixels <= 0.0 || spec.jpegQuality < 1 || spec.jpegQuality > 100) {
        throw Error(ErrorCode::InvalidArgument, "photo spec out of range");
    }
    PhotoRandom random(spec.seed ^ SceneStream);
    vision::GrayImage symbol = renderQr(toBytes(spec.payload), 1, spec.marking);
    double pixelsPerMm = spec.modulePixels * symbol.width / QrSideMm;
    CardPlate plate = drawCardPlate(symbol, spec.layout, pixelsPerMm, random);

    // The pose, then the frame position that keeps the QR in view.
    cv::Point2d qrCentre(plate.qr.x + plate.qr.width / 2.0, plate.qr.y + plate.qr.height / 2.0);
    CardPose pose(spec, qrCentre);
    std::array<cv::Point2d, 4> qrCorners = corners(plate.qr);
    for (cv::Point2d& p : qrCorners) {
        p = pose.project(p);
    }
    cv::Rect2d qrAroundCentre = boundsOf(qrCorners);
    cv::Point2d qrAt = placeQr(qrAroundCentre, random);
    cv::Rect2d qrInFrame = qrAroundCentre + qrAt;

    std::array<cv::Point2f, 4> from;
    std::array<cv::Point2f, 4> to;
    std::array<cv::Point2d, 4> plateCorners =
        corners(cv::Rect2d(0, 0, plate.colour.cols, plate.colour.rows));
    for (std::size_t i = 0; i < plateCorners.size(); ++i) {
        from[i] = plateCorners[i];
        to[i] = pose.project(plateCorners[i]) + qrAt;
    }
    cv::Mat homography = cv::getPerspectiveTransform(from.data(), to.data());

    cv::Mat desk = deskBackground({PhotoWidth, PhotoHeight}, random);
    cv::Mat frame = composite(desk, plate, homography);

    // The room and the camera, in the order light meets them.
    unevenLight(frame, random.uniform(0.05, 0.25), random);
    addGlare(frame, qrInFrame, spec.glareSpots, spec.glareRadius * spec.modulePixels,
             spec.glareStrength, random);
    changeExposure(frame, spec.contrast, spec.brightness);
    blurFrame(frame, spec.blurSigma, spec.motionPixels, random);
    addNoise(frame, spec.noiseSigma, random);

    cv::Mat photo;
    frame.convertTo(photo, CV_8UC3); // saturates: glare clips to white
    std::vector<std::uint8_t> jpeg;
    if (!cv::imencode(".jpg", photo, jpeg, {cv::IMWRITE_JPEG_QUALITY, spec.jpegQuality})) {
        throw Error(ErrorCode::Io, "cannot encode the photo as JPEG");
    }
    CardPhoto out;
    out.jpeg.assign(jpeg.begin(), jpeg.end());
    // The symbol inside its quiet zone (ISO/IEC 18004 §6.3.8: four modules).
    double quiet = plate.qr.width * 4.0 / symbol.width;
    cv::Rect2d inner(plate.qr.x + quiet, plate.qr.y + quiet, plate.qr.width - 2 * quiet,
                     plate.qr.height - 2 * quiet);
    std::array<cv::Point2d, 4> symbolCorners = corners(inner);
    for (std::size_t i = 0; i < symbolCorners.size(); ++i) {
        cv::Point2d p = pose.project(symbolCorners[i]) + qrAt;
        out.qrCorners[i] = {p.x, p.y};
    }
    return out;
}

} // namespace cccd::emulator
