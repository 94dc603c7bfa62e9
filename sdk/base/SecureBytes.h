#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/Bytes.h"

namespace cccd {

/// Zeroes memory in a way the optimiser cannot remove.
void secureWipe(void* data, std::size_t size);

/// Overwrites text that held personal data or a secret, then empties it.
inline void wipe(std::string& text) {
    secureWipe(text.data(), text.size());
    text.clear();
}

/// Overwrites bytes that held personal data or a secret, then empties them.
inline void wipe(Bytes& bytes) {
    secureWipe(bytes.data(), bytes.size());
    bytes.clear();
}

/// A byte buffer for keys, passwords and plaintext secrets: wiped when destroyed or reassigned.
class SecureBytes {
public:
    SecureBytes() = default;

    explicit SecureBytes(ByteView bytes) : m_data(bytes.begin(), bytes.end()) {}

    explicit SecureBytes(Bytes&& bytes) : m_data(std::move(bytes)) {}

    SecureBytes(const SecureBytes& other) : m_data(other.m_data) {}

    SecureBytes(SecureBytes&& other) noexcept : m_data(std::move(other.m_data)) {}

    SecureBytes& operator=(const SecureBytes& other) {
        if (this != &other) {
            wipe();
            m_data = other.m_data;
        }
        return *this;
    }

    SecureBytes& operator=(SecureBytes&& other) noexcept {
        if (this != &other) {
            wipe();
            m_data = std::move(other.m_data);
        }
        return *this;
    }

    ~SecureBytes() { wipe(); }

    [[nodiscard]] ByteView view() const { return m_data; }

    [[nodiscard]] const std::uint8_t* data() const { return m_data.data(); }

    [[nodiscard]] std::uint8_t* data() { return m_data.data(); }

    [[nodiscard]] std::size_t size() const { return m_data.size(); }

    [[nodiscard]] bool empty() const { return m_data.empty(); }

    std::uint8_t& operator[](std::size_t i) { return m_data[i]; }

    std::uint8_t operator[](std::size_t i) const { return m_data[i]; }

    operator ByteView() const { return m_data; }

    void wipe() {
        secureWipe(m_data.data(), m_data.size());
        m_data.clear();
    }

private:
    std::vector<std::uint8_t> m_data;
};

} // namespace cccd
