#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/Bytes.h"

namespace cccd {

/// Zeroes memory in a way the optimiser cannot remove.
void secureWipe(void* data, std::size_t size);

/// A test seam: called with every region secureWipe has just zeroed, while the memory still
/// belongs to the caller (before an allocator frees it), so that a test can see the zeroes
/// without reading freed memory. nullptr, the default, calls nothing. Tests only.
using WipeObserver = void (*)(const std::uint8_t* data, std::size_t size);
void setWipeObserver(WipeObserver observer);

/// Overwrites text that held personal data or a secret, its spare capacity included, then
/// empties it.
inline void wipe(std::string& text) {
    text.resize(text.capacity());
    secureWipe(text.data(), text.size());
    text.clear();
}

/// Overwrites bytes that held personal data or a secret, their spare capacity included, then
/// empties them.
inline void wipe(Bytes& bytes) {
    bytes.resize(bytes.capacity());
    secureWipe(bytes.data(), bytes.size());
    bytes.clear();
}

/// An allocator that wipes every block before it goes back to the heap, so that a buffer that
/// grows, shrinks or dies leaves no copy of a secret behind.
template <typename T> struct WipingAllocator {
    using value_type = T;

    WipingAllocator() = default;

    template <typename U> WipingAllocator(const WipingAllocator<U>& /*other*/) noexcept {}

    [[nodiscard]] T* allocate(std::size_t n) { return std::allocator<T>{}.allocate(n); }

    void deallocate(T* p, std::size_t n) noexcept {
        secureWipe(p, n * sizeof(T));
        std::allocator<T>{}.deallocate(p, n);
    }

    friend bool operator==(const WipingAllocator&, const WipingAllocator&) { return true; }
};

/// A byte buffer for keys, passwords and plaintext secrets: its memory is wiped whenever it is
/// released (destruction, reassignment, growth) and by wipe(). Moving hands the memory over,
/// leaving no copy behind.
class SecureBytes {
public:
    using Storage = std::vector<std::uint8_t, WipingAllocator<std::uint8_t>>;

    SecureBytes() = default;

    explicit SecureBytes(ByteView bytes) : m_data(bytes.begin(), bytes.end()) {}

    /// Takes the bytes over and wipes the plain buffer they came in.
    explicit SecureBytes(Bytes&& bytes) : m_data(bytes.begin(), bytes.end()) { cccd::wipe(bytes); }

    SecureBytes(const SecureBytes& other) = default;

    SecureBytes(SecureBytes&& other) noexcept = default;

    SecureBytes& operator=(const SecureBytes& other) {
        if (this != &other) {
            wipe(); // assignment into the old buffer would leave its tail behind
            m_data = other.m_data;
        }
        return *this;
    }

    SecureBytes& operator=(SecureBytes&& other) noexcept {
        if (this != &other) {
            m_data = std::move(other.m_data); // the old buffer goes back through the allocator
        }
        return *this;
    }

    ~SecureBytes() = default;

    [[nodiscard]] ByteView view() const { return m_data; }

    [[nodiscard]] const std::uint8_t* data() const { return m_data.data(); }

    [[nodiscard]] std::uint8_t* data() { return m_data.data(); }

    [[nodiscard]] std::size_t size() const { return m_data.size(); }

    [[nodiscard]] bool empty() const { return m_data.empty(); }

    std::uint8_t& operator[](std::size_t i) { return m_data[i]; }

    std::uint8_t operator[](std::size_t i) const { return m_data[i]; }

    operator ByteView() const { return m_data; }

    /// Adds bytes at the end; a reallocation wipes the old buffer.
    void append(ByteView more) { m_data.insert(m_data.end(), more.begin(), more.end()); }

    void reserve(std::size_t size) { m_data.reserve(size); }

    /// Zeroes the whole buffer, spare capacity included, and empties it.
    void wipe() {
        m_data.resize(m_data.capacity());
        secureWipe(m_data.data(), m_data.size());
        m_data.clear();
    }

private:
    Storage m_data;
};

} // namespace cccd
