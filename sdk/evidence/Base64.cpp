#include "evidence/Base64.h"

#include <array>
#include <cstdint>

#include "base/Error.h"

namespace cccd::evidence {

namespace {

constexpr std::string_view Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::uint8_t NotInAlphabet = 0xFF;

constexpr std::array<std::uint8_t, 256> decodingTable() {
    std::array<std::uint8_t, 256> table{};
    table.fill(NotInAlphabet);
    for (std::size_t i = 0; i < Alphabet.size(); ++i) {
        table[static_cast<unsigned char>(Alphabet[i])] = static_cast<std::uint8_t>(i);
    }
    return table;
}

constexpr std::array<std::uint8_t, 256> DecodingTable = decodingTable();

[[noreturn]] void malformed(const char* why) {
    throw Error(ErrorCode::MalformedData, std::string("bad base64: ") + why);
}

} // namespace

std::string toBase64(ByteView bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        std::uint32_t group = static_cast<std::uint32_t>(bytes[i]) << 16 |
                              static_cast<std::uint32_t>(bytes[i + 1]) << 8 | bytes[i + 2];
        for (int shift = 18; shift >= 0; shift -= 6) {
            out.push_back(Alphabet[(group >> shift) & 0x3F]);
        }
    }
    std::size_t rest = bytes.size() - i;
    if (rest == 0) {
        return out;
    }
    std::uint32_t group = static_cast<std::uint32_t>(bytes[i]) << 16;
    if (rest == 2) {
        group |= static_cast<std::uint32_t>(bytes[i + 1]) << 8;
    }
    out.push_back(Alphabet[(group >> 18) & 0x3F]);
    out.push_back(Alphabet[(group >> 12) & 0x3F]);
    out.push_back(rest == 2 ? Alphabet[(group >> 6) & 0x3F] : '=');
    out.push_back('=');
    return out;
}

Bytes fromBase64(std::string_view text) {
    if (text.size() % 4 != 0) {
        malformed("the length is not a multiple of 4");
    }
    std::size_t padding = 0;
    while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=') {
        ++padding;
    }
    Bytes out;
    out.reserve(text.size() / 4 * 3);
    std::uint32_t group = 0;
    std::size_t symbols = text.size() - padding;
    for (std::size_t i = 0; i < symbols; ++i) {
        std::uint8_t value = DecodingTable[static_cast<unsigned char>(text[i])];
        if (value == NotInAlphabet) {
            malformed("a character outside the alphabet");
        }
        group = group << 6 | value;
        if (i % 4 == 3) {
            out.push_back(static_cast<std::uint8_t>(group >> 16));
            out.push_back(static_cast<std::uint8_t>(group >> 8));
            out.push_back(static_cast<std::uint8_t>(group));
            group = 0;
        }
    }
    // The last group: 2 symbols carry 1 byte and 4 spare bits, 3 carry 2 bytes and 2 spare bits.
    if (padding == 2) {
        if ((group & 0x0F) != 0) {
            malformed("non-zero bits under the padding");
        }
        out.push_back(static_cast<std::uint8_t>(group >> 4));
    } else if (padding == 1) {
        if ((group & 0x03) != 0) {
            malformed("non-zero bits under the padding");
        }
        out.push_back(static_cast<std::uint8_t>(group >> 10));
        out.push_back(static_cast<std::uint8_t>(group >> 2));
    }
    return out;
}

} // namespace cccd::evidence
