#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "base/Bytes.h"
#include "transport/CardChannel.h"

namespace cccd::reader {

/// What reads learned about one card type in one reader: the settings that failed, so that the
/// next read starts with those that work and sends no APDU the card or reader refuses.
struct CardCapabilities {
    /// The card or the reader refused an extended-length APDU (6700, or a failed exchange).
    bool extendedLengthRefused = false;
    /// The largest READ BINARY length (plaintext Ne) the card answered after refusing a larger
    /// one (6700, 6B00, 6282 without data); nullopt: no refusal seen.
    std::optional<std::size_t> maxReadLength;

    [[nodiscard]] bool learnedSomething() const { return extendedLengthRefused || maxReadLength; }

    /// Both together: a refusal either saw, the smaller read length.
    [[nodiscard]] CardCapabilities mergedWith(const CardCapabilities& other) const;

    [[nodiscard]] bool operator==(const CardCapabilities&) const = default;
};

/// Keeps what reads learn (CardCapabilities) per card type and reader, in memory, for as long as
/// the caller keeps the cache; pass it in ReadOptions::capabilityCache. A card type is known by
/// its ATR's historical bytes (the whole ATR when it has none or does not parse), so that two
/// cards of one issue share an entry; a contactless card whose pseudo-ATR changes with every tap
/// simply gets a new entry each time. The oldest entries go once `capacity` is reached.
/// Thread-safe: reads on several readers may share one cache.
class CapabilityCache {
public:
    struct Key {
        std::string reader;
        Bytes cardType;

        [[nodiscard]] auto operator<=>(const Key&) const = default;
    };

    explicit CapabilityCache(std::size_t capacity = 64);

    /// The key of the card on this channel: the reader's name and the card type from the ATR.
    [[nodiscard]] static Key keyOf(const transport::CardChannel& channel);

    [[nodiscard]] std::optional<CardCapabilities> find(const Key& key) const;

    /// Adds what a read learned to what the entry holds; nothing learned adds no entry.
    void remember(const Key& key, const CardCapabilities& learned);

    void clear();

    [[nodiscard]] std::size_t size() const;

private:
    struct Entry {
        CardCapabilities capabilities;
        std::uint64_t lastUse = 0;
    };

    mutable std::mutex m_mutex;
    std::map<Key, Entry> m_entries;
    std::size_t m_capacity;
    std::uint64_t m_clock = 0;
};

} // namespace cccd::reader
