#include "base/SecureBytes.h"

#include <atomic>

#include <openssl/crypto.h>

namespace cccd {

namespace {

std::atomic<WipeObserver> g_wipeObserver{nullptr};

} // namespace

void secureWipe(void* data, std::size_t size) {
    if (data == nullptr || size == 0) {
        return;
    }
    OPENSSL_cleanse(data, size);
    if (WipeObserver observer = g_wipeObserver.load(std::memory_order_relaxed)) {
        observer(static_cast<const std::uint8_t*>(data), size);
    }
}

void setWipeObserver(WipeObserver observer) {
    g_wipeObserver.store(observer);
}

} // namespace cccd
