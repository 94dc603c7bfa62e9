#include "mrz/CheckDigit.h"

namespace cccd::mrz {

std::optional<char> checkDigit(std::string_view field) {
    static constexpr int Weights[] = {7, 3, 1};
    int sum = 0;
    for (std::size_t i = 0; i < field.size(); ++i) {
        char c = field[i];
        int value = 0;
        if (c >= '0' && c <= '9') {
            value = c - '0';
        } else if (c >= 'A' && c <= 'Z') {
            value = c - 'A' + 10;
        } else if (c != '<') {
            return std::nullopt;
        }
        sum += value * Weights[i % 3];
    }
    return static_cast<char>('0' + sum % 10);
}

} // namespace cccd::mrz
