#include "reader/CapabilityCache.h"

#include <algorithm>

#include "apdu/Atr.h"
#include "base/Error.h"

namespace cccd::reader {

CardCapabilities CardCapabilities::mergedWith(const CardCapabilities& other) const {
    CardCapabilities out;
    out.extendedLengthRefused = extendedLengthRefused || other.extendedLengthRefused;
    out.maxReadLength = maxReadLength ? maxReadLength : other.maxReadLength;
    if (maxReadLength && other.maxReadLength) {
        out.maxReadLength = std::min(*maxReadLength, *other.maxReadLength);
    }
    return out;
}

CapabilityCache::CapabilityCache(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(1, capacity)) {}

CapabilityCache::Key CapabilityCache::keyOf(const transport::CardChannel& channel) {
    Key key;
    key.reader = channel.readerName();
    Bytes atr = channel.atr();
    try {
        key.cardType = apdu::parseAtr(atr).historicalBytes;
    } catch (const Error&) {
        key.cardType.clear();
    }
    if (key.cardType.empty()) {
        key.cardType = std::move(atr);
    }
    return key;
}

std::optional<CardCapabilities> CapabilityCache::find(const Key& key) const {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        return std::nullopt;
    }
    return it->second.capabilities;
}

void CapabilityCache::remember(const Key& key, const CardCapabilities& learned) {
    if (!learned.learnedSomething()) {
        return;
    }
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(key);
    if (it != m_entries.end()) {
        it->second.capabilities = it->second.capabilities.mergedWith(learned);
        it->second.lastUse = ++m_clock;
        return;
    }
    if (m_entries.size() >= m_capacity) {
        auto oldest = std::min_element(m_entries.begin(), m_entries.end(), [](auto& a, auto& b) {
            return a.second.lastUse < b.second.lastUse;
        });
        m_entries.erase(oldest);
    }
    m_entries.emplace(key, Entry{learned, ++m_clock});
}

void CapabilityCache::clear() {
    std::lock_guard lock(m_mutex);
    m_entries.clear();
}

std::size_t CapabilityCache::size() const {
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

} // namespace cccd::reader
