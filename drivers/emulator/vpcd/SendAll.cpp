#include "emulator/vpcd/SendAll.h"

#include <cerrno>

#include <sys/socket.h>

namespace cccd::emulator {

bool sendAll(int fd, ByteView bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace cccd::emulator
