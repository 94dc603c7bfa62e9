// SecureBytes and the wipe helpers zero memory before it is released or reused. The test sees
// the zeroes through the wipe observer, which secureWipe calls while the memory is still owned,
// so nothing reads freed memory.
#include "base/SecureBytes.h"

#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

using namespace cccd;

namespace {

struct Wiped {
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;
    bool allZero = false;
};

std::vector<Wiped> g_wiped;

void recordWipe(const std::uint8_t* data, std::size_t size) {
    bool zero = std::all_of(data, data + size, [](std::uint8_t b) { return b == 0; });
    g_wiped.push_back({data, size, zero});
}

/// Records every wipe while it lives.
class WipeRecorder {
public:
    WipeRecorder() {
        g_wiped.clear();
        setWipeObserver(&recordWipe);
    }

    ~WipeRecorder() { setWipeObserver(nullptr); }

    WipeRecorder(const WipeRecorder&) = delete;
    WipeRecorder& operator=(const WipeRecorder&) = delete;

    /// A wipe of at least `size` zero bytes at `data`.
    [[nodiscard]] static bool wiped(const std::uint8_t* data, std::size_t size) {
        return std::any_of(g_wiped.begin(), g_wiped.end(), [&](const Wiped& w) {
            return w.data == data && w.size >= size && w.allZero;
        });
    }

    [[nodiscard]] static std::size_t count() { return g_wiped.size(); }
};

const Bytes Key{0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF,
                0xFE, 0xDC, 0xBA, 0x98, 0x76, 0x54, 0x32, 0x10};

} // namespace

TEST(SecureBytesTest, DestructionWipesTheBuffer) {
    WipeRecorder recorder;
    const std::uint8_t* buffer = nullptr;
    {
        SecureBytes key(Key);
        buffer = key.data();
        EXPECT_EQ(key.view()[0], 0x01);
    }
    EXPECT_TRUE(WipeRecorder::wiped(buffer, Key.size()));
}

TEST(SecureBytesTest, WipeZeroesAndEmpties) {
    WipeRecorder recorder;
    SecureBytes key(Key);
    const std::uint8_t* buffer = key.data();
    key.wipe();
    EXPECT_TRUE(key.empty());
    EXPECT_TRUE(WipeRecorder::wiped(buffer, Key.size()));
}

// A move hands the buffer over: the source keeps no copy, and the buffer is wiped once its new
// owner is done with it.
TEST(SecureBytesTest, MoveLeavesNoCopyAndTheNewOwnerWipes) {
    WipeRecorder recorder;
    const std::uint8_t* buffer = nullptr;
    {
        SecureBytes source(Key);
        buffer = source.data();
        SecureBytes target(std::move(source));
        EXPECT_EQ(target.data(), buffer);
        EXPECT_TRUE(source.empty()); // NOLINT(bugprone-use-after-move): the point of the test
        EXPECT_FALSE(WipeRecorder::wiped(buffer, Key.size()));
    }
    EXPECT_TRUE(WipeRecorder::wiped(buffer, Key.size()));
}

TEST(SecureBytesTest, MoveAssignmentWipesTheOldBuffer) {
    WipeRecorder recorder;
    SecureBytes target(Key);
    const std::uint8_t* old = target.data();
    target = SecureBytes(Bytes(8, 0x55));
    EXPECT_TRUE(WipeRecorder::wiped(old, Key.size()));
    EXPECT_EQ(target.size(), 8u);
}

TEST(SecureBytesTest, CopyAssignmentWipesWhatItOverwrites) {
    WipeRecorder recorder;
    SecureBytes target(Key);
    const std::uint8_t* old = target.data();
    SecureBytes shorter(Bytes(4, 0x55));
    target = shorter;
    EXPECT_TRUE(WipeRecorder::wiped(old, Key.size()));
    EXPECT_EQ(target.view()[3], 0x55);
}

// Growing reallocates; the old buffer goes back wiped.
TEST(SecureBytesTest, AppendThatReallocatesWipesTheOldBuffer) {
    WipeRecorder recorder;
    SecureBytes key(Key);
    const std::uint8_t* old = key.data();
    key.append(Bytes(64, 0x77));
    ASSERT_NE(key.data(), old);
    EXPECT_TRUE(WipeRecorder::wiped(old, Key.size()));
    EXPECT_EQ(key.size(), Key.size() + 64);
}

// The plain buffer a secret arrives in is wiped when SecureBytes takes it over.
TEST(SecureBytesTest, TakingPlainBytesWipesThem) {
    WipeRecorder recorder;
    Bytes plain = Key;
    const std::uint8_t* buffer = plain.data();
    SecureBytes key(std::move(plain));
    EXPECT_TRUE(plain.empty()); // NOLINT(bugprone-use-after-move): wiped and emptied
    EXPECT_TRUE(WipeRecorder::wiped(buffer, Key.size()));
    EXPECT_EQ(key.view()[15], 0x10);
}

// The free wipe helpers zero the spare capacity too: a shrunk buffer's tail held the secret.
TEST(SecureBytesTest, WipeHelpersCoverTheSpareCapacity) {
    WipeRecorder recorder;
    Bytes bytes = Key;
    bytes.resize(4);
    const std::uint8_t* buffer = bytes.data();
    wipe(bytes);
    EXPECT_TRUE(bytes.empty());
    EXPECT_TRUE(WipeRecorder::wiped(buffer, Key.size()));

    std::string text = "L898902C<369080619406236";
    text.resize(3);
    const char* chars = text.data();
    wipe(text);
    EXPECT_TRUE(text.empty());
    EXPECT_TRUE(WipeRecorder::wiped(reinterpret_cast<const std::uint8_t*>(chars),
                                    std::string("L898902C<369080619406236").size()));
}

TEST(SecureBytesTest, NoObserverByDefault) {
    { WipeRecorder recorder; }
    std::size_t before = WipeRecorder::count();
    { SecureBytes key(Key); }
    EXPECT_EQ(WipeRecorder::count(), before);
}
