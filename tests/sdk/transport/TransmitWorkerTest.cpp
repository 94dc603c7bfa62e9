// transport::TransmitWorker, the way a PC/SC or emulated exchange is given up without being
// interrupted: the caller returns at once on cancel or timeout, the exchange ends in the
// background, and the next one waits for it.
#include "transport/TransmitWorker.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

#include <gtest/gtest.h>

#include "support/ErrorCodeOf.h"

using namespace cccd;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

/// A slow exchange that ends when released (or after `bound`, so that no test can hang).
struct Gate {
    std::mutex mutex;
    std::condition_variable changed;
    bool open = false;
    std::atomic<int> finished{0};

    void release() {
        {
            std::lock_guard lock(mutex);
            open = true;
        }
        changed.notify_all();
    }

    Bytes pass(Bytes answer, std::chrono::milliseconds bound = 10s) {
        std::unique_lock lock(mutex);
        changed.wait_for(lock, bound, [this] { return open; });
        ++finished;
        return answer;
    }
};

} // namespace

TEST(TransmitWorkerTest, ReturnsTheAnswerAndRethrowsTheError) {
    transport::TransmitWorker worker;
    EXPECT_EQ(worker.run(
                  [] {
                      return Bytes{0x90, 0x00};
                  },
                  nullptr, std::nullopt),
              (Bytes{0x90, 0x00}));
    EXPECT_EQ(test::errorCodeOf([&] {
                  (void)worker.run([]() -> Bytes { throw Error(ErrorCode::CardRemoved, "gone"); },
                                   nullptr, std::nullopt);
              }),
              ErrorCode::CardRemoved);
    EXPECT_EQ(worker.run([] { return Bytes{0x6A, 0x82}; }, nullptr, 1s), (Bytes{0x6A, 0x82}));
}

// The flag is set while the exchange waits: the caller is back long before the exchange ends,
// the abandon hook ran, and the next exchange waits for the abandoned one first.
TEST(TransmitWorkerTest, CancelReturnsAtOnceAndTheNextExchangeWaitsForTheAbandonedOne) {
    auto gate = std::make_shared<Gate>();
    std::atomic<bool> cancel{false};
    std::atomic<int> abandoned{0};
    transport::TransmitWorker worker;
    std::thread canceller([&] {
        std::this_thread::sleep_for(100ms);
        cancel = true;
    });
    auto start = Clock::now();
    EXPECT_EQ(test::errorCodeOf([&] {
                  (void)worker.run(
                      [gate] {
                          return gate->pass({0x90, 0x00});
                      },
                      &cancel, std::nullopt, [&] { ++abandoned; });
              }),
              ErrorCode::Cancelled);
    canceller.join();
    EXPECT_LT(Clock::now() - start, 2s);
    EXPECT_EQ(abandoned, 1);
    EXPECT_EQ(gate->finished, 0); // still running in the background

    std::thread releaser([gate] {
        std::this_thread::sleep_for(100ms);
        gate->release();
    });
    Bytes next = worker.run(
        [gate] {
            return Bytes{0x61, static_cast<std::uint8_t>(gate->finished)};
        },
        nullptr, std::nullopt);
    releaser.join();
    EXPECT_EQ(next, (Bytes{0x61, 0x01})) << "the abandoned exchange had ended first";
}

TEST(TransmitWorkerTest, TimeoutGivesUpWithTimeout) {
    auto gate = std::make_shared<Gate>();
    transport::TransmitWorker worker;
    auto start = Clock::now();
    EXPECT_EQ(test::errorCodeOf([&] {
                  (void)worker.run(
                      [gate] {
                          return gate->pass({0x90, 0x00});
                      },
                      nullptr, 100ms, [gate] { gate->release(); });
              }),
              ErrorCode::Timeout);
    EXPECT_LT(Clock::now() - start, 2s);
    EXPECT_EQ(worker.run([] { return Bytes{0x90, 0x00}; }, nullptr, 1s), (Bytes{0x90, 0x00}));
}

// A flag already set sends nothing.
TEST(TransmitWorkerTest, FlagSetBeforehandRunsNothing) {
    std::atomic<bool> cancel{true};
    std::atomic<int> ran{0};
    transport::TransmitWorker worker;
    EXPECT_EQ(test::errorCodeOf([&] {
                  (void)worker.run(
                      [&ran] {
                          ++ran;
                          return Bytes{0x90, 0x00};
                      },
                      &cancel, std::nullopt);
              }),
              ErrorCode::Cancelled);
    worker.settle();
    EXPECT_EQ(ran, 0);
}

// The destructor waits for the abandoned exchange: nothing runs after the worker is gone.
TEST(TransmitWorkerTest, DestructorWaitsForTheAbandonedExchange) {
    auto gate = std::make_shared<Gate>();
    std::atomic<bool> cancel{false};
    {
        transport::TransmitWorker worker;
        std::thread canceller([&] {
            std::this_thread::sleep_for(50ms);
            cancel = true;
        });
        EXPECT_EQ(test::errorCodeOf([&] {
                      (void)worker.run(
                          [gate] {
                              return gate->pass({0x90, 0x00});
                          },
                          &cancel, std::nullopt, [gate] { gate->release(); });
                  }),
                  ErrorCode::Cancelled);
        canceller.join();
    }
    EXPECT_EQ(gate->finished, 1);
}
