// Decoding off the capture thread: frames that come while the decoder is busy are dropped,
// never queued, and every symbol found reaches the callback.
#include "vision/QrScanWorker.h"

#include <atomic>

#include <gtest/gtest.h>

#include "TestImages.h"
#include "qr/QrText.h"

using namespace cccd;
using namespace cccd::vision;
using namespace cccd::visiontest;

TEST(QrScanWorkerTest, DropsFramesWhileBusyAndReportsSymbols) {
    std::string payload = examplePayload();
    GrayImage frame = scene(payload, 6);
    std::atomic<int> found{0};
    std::string text;
    {
        QrScanWorker worker([&](const QrSymbol& symbol) {
            if (found++ == 0) {
                text = qr::decodeQrText(ByteView(symbol.bytes));
            }
        });
        for (int i = 0; i < 40; ++i) {
            worker.submit(frame);
        }
        worker.drain();
        QrScanWorker::Counters c = worker.counters();
        EXPECT_EQ(c.submitted, 40u);
        EXPECT_EQ(c.decoded + c.dropped, c.submitted);
        EXPECT_GT(c.dropped, 0u);
        EXPECT_EQ(c.found, c.decoded);
        EXPECT_EQ(static_cast<std::size_t>(found.load()), c.found);
    }
    EXPECT_EQ(text, payload);
}

TEST(QrScanWorkerTest, StopsWithAFrameWaiting) {
    std::string payload = examplePayload();
    QrScanWorker worker([](const QrSymbol&) {});
    for (int i = 0; i < 5; ++i) {
        worker.submit(scene(payload, 3));
    }
    // Destruction must not hang or decode the rest.
}
