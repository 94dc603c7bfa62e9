// Events from a service's worker thread reach the workflow's thread in order.
#include "kiosk/core/CardEventQueue.h"

#include <thread>

#include <gtest/gtest.h>

using namespace cccd;
using namespace cccd::kiosk;

TEST(CardEventQueueTest, HandsEventsAcrossThreadsInOrder) {
    CardEventQueue queue;
    CardEventSink sink = queue.sink();
    std::thread worker([&sink] {
        sink(CardPresent{"reader 0"});
        for (std::size_t i = 1; i <= 50; ++i) {
            sink(ReadProgressed{{"DG2", i * 10, 500}});
        }
        sink(ReadFailed{ErrorCode::CardRemoved});
    });
    std::optional<CardEvent> first = queue.pop(std::chrono::seconds(10));
    ASSERT_TRUE(first);
    EXPECT_EQ(std::get<CardPresent>(*first).reader, "reader 0");
    for (std::size_t i = 1; i <= 50; ++i) {
        std::optional<CardEvent> event = queue.pop(std::chrono::seconds(10));
        ASSERT_TRUE(event && std::holds_alternative<ReadProgressed>(*event));
        EXPECT_EQ(std::get<ReadProgressed>(*event).progress.bytesRead, i * 10);
    }
    std::optional<CardEvent> last = queue.pop(std::chrono::seconds(10));
    ASSERT_TRUE(last);
    EXPECT_EQ(std::get<ReadFailed>(*last).code, ErrorCode::CardRemoved);
    worker.join();
    EXPECT_FALSE(queue.pop(std::chrono::milliseconds(10)));
}
