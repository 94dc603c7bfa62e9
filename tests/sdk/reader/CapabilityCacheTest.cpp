// reader::CapabilityCache: entries per reader and card type (the ATR's historical bytes), what
// two reads learned merged, the oldest entries dropped, and use from several threads.
#include "reader/CapabilityCache.h"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support/ScriptedChannel.h"

using namespace cccd;
using reader::CapabilityCache;
using reader::CardCapabilities;

namespace {

class NamedReader : public test::ScriptedChannel {
public:
    NamedReader(std::string name, Bytes atr) : m_name(std::move(name)), m_atr(std::move(atr)) {}

    [[nodiscard]] Bytes atr() const override { return m_atr; }

    [[nodiscard]] std::string readerName() const override { return m_name; }

private:
    std::string m_name;
    Bytes m_atr;
};

CardCapabilities refusesExtendedLength() {
    CardCapabilities c;
    c.extendedLengthRefused = true;
    return c;
}

CardCapabilities readsUpTo(std::size_t length) {
    CardCapabilities c;
    c.maxReadLength = length;
    return c;
}

} // namespace

// Two cards of one type (same historical bytes, other interface bytes) share an entry; another
// reader does not.
TEST(CapabilityCacheTest, KeyIsTheReaderAndTheHistoricalBytes) {
    NamedReader a("Reader A", fromHex("3B8880014A434F50323431B57E"));   // TD1 80, TD2 01
    NamedReader b("Reader A", fromHex("3B981380014A434F50323431B57E")); // with TA1 13
    NamedReader c("Reader B", fromHex("3B8880014A434F50323431B57E"));
    CapabilityCache::Key keyA = CapabilityCache::keyOf(a);
    EXPECT_EQ(toHex(keyA.cardType), "4A434F50323431B5");
    EXPECT_EQ(keyA.reader, "Reader A");
    EXPECT_EQ(CapabilityCache::keyOf(b).cardType, keyA.cardType);
    EXPECT_NE(CapabilityCache::keyOf(c), keyA);
}

// An ATR without historical bytes, or one that does not parse, is its own card type.
TEST(CapabilityCacheTest, AtrWithoutHistoricalBytesIsUsedWhole) {
    EXPECT_EQ(toHex(CapabilityCache::keyOf(NamedReader("R", fromHex("3B00"))).cardType), "3B00");
    EXPECT_EQ(toHex(CapabilityCache::keyOf(NamedReader("R", fromHex("3B8F80"))).cardType),
              "3B8F80");
}

TEST(CapabilityCacheTest, RemembersAndMergesWhatReadsLearned) {
    CapabilityCache cache;
    CapabilityCache::Key key{"Reader", fromHex("80")};
    EXPECT_FALSE(cache.find(key));
    cache.remember(key, CardCapabilities{}); // nothing learned: no entry
    EXPECT_EQ(cache.size(), 0u);

    cache.remember(key, readsUpTo(192));
    cache.remember(key, refusesExtendedLength());
    cache.remember(key, readsUpTo(160));
    cache.remember(key, readsUpTo(224));
    std::optional<CardCapabilities> known = cache.find(key);
    ASSERT_TRUE(known);
    EXPECT_TRUE(known->extendedLengthRefused);
    EXPECT_EQ(known->maxReadLength, 160u);
    cache.clear();
    EXPECT_FALSE(cache.find(key));
}

// A contactless card whose pseudo-ATR changes with every tap makes a new entry each time: the
// cache stays bounded by dropping the entry not updated for longest.
TEST(CapabilityCacheTest, DropsTheOldestEntryAtCapacity) {
    CapabilityCache cache(2);
    CapabilityCache::Key first{"R", fromHex("01")};
    CapabilityCache::Key second{"R", fromHex("02")};
    CapabilityCache::Key third{"R", fromHex("03")};
    cache.remember(first, refusesExtendedLength());
    cache.remember(second, refusesExtendedLength());
    cache.remember(first, readsUpTo(128)); // first is now the newer one
    cache.remember(third, refusesExtendedLength());
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_TRUE(cache.find(first));
    EXPECT_FALSE(cache.find(second));
    EXPECT_TRUE(cache.find(third));
}

TEST(CapabilityCacheTest, SharedBetweenThreads) {
    CapabilityCache cache(16);
    std::vector<std::thread> readers;
    for (int t = 0; t < 4; ++t) {
        readers.emplace_back([&cache, t] {
            for (std::size_t i = 0; i < 500; ++i) {
                CapabilityCache::Key key{"Reader " + std::to_string(t), Bytes{0x80}};
                cache.remember(key, readsUpTo(256 - i % 100));
                (void)cache.find(key);
            }
        });
    }
    for (std::thread& t : readers) {
        t.join();
    }
    EXPECT_EQ(cache.size(), 4u);
    EXPECT_EQ(cache.find({"Reader 0", Bytes{0x80}})->maxReadLength, 157u);
}
