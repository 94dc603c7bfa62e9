// Keyboard-wedge scanner input (cccd.md §4.3): with or without Enter, split across keys.
#include "qr/WedgeScanner.h"

#include <gtest/gtest.h>

#include "QrSpec.h"
#include "qr/QrPayload.h"

using namespace cccd;
using namespace cccd::qr;

TEST(WedgeScannerTest, EnterEndsAPayload) {
    WedgeScanner scanner;
    std::string text = qrtest::example2021();
    EXPECT_TRUE(scanner.feed(text.substr(0, 10)).empty());
    std::vector<std::string> done = scanner.feed(text.substr(10) + "\r\n");
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0], text);
    EXPECT_FALSE(scanner.pending());
}

TEST(WedgeScannerTest, The2024LayoutEndsWithoutEnter) {
    WedgeScanner scanner;
    std::string text = qrtest::example2024();
    std::vector<std::string> done;
    for (char c : text) {
        for (std::string& p : scanner.feed(std::string(1, c))) {
            done.push_back(std::move(p));
        }
    }
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0], text);
    EXPECT_EQ(QrPayload::parse(done[0]).layout, QrLayout::CanCuoc2024);
    // An Enter after it completes nothing more.
    EXPECT_TRUE(scanner.feed("\r").empty());
}

TEST(WedgeScannerTest, The2021LayoutWithoutEnterEndsOnIdle) {
    WedgeScanner scanner;
    std::string text = qrtest::example2021();
    EXPECT_TRUE(scanner.feed(text).empty());
    EXPECT_TRUE(scanner.pending());
    EXPECT_EQ(scanner.flush(), text);
    EXPECT_FALSE(scanner.flush());
}

TEST(WedgeScannerTest, TwoScansInOneBurst) {
    WedgeScanner scanner;
    std::string a = qrtest::example2024();
    std::string b = qrtest::example2021();
    std::vector<std::string> done = scanner.feed(a + b + "\n");
    ASSERT_EQ(done.size(), 2u);
    EXPECT_EQ(done[0], a);
    EXPECT_EQ(done[1], b);
}

TEST(WedgeScannerTest, ClearDropsPendingText) {
    WedgeScanner scanner;
    (void)scanner.feed("001090");
    scanner.clear();
    EXPECT_FALSE(scanner.pending());
    EXPECT_FALSE(scanner.flush());
}
