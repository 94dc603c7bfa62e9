// The bundle's base64 against OpenSSL's encoder (an independent implementation of RFC 4648),
// and the strictness of its decoder: one spelling per byte string.
#include "evidence/Base64.h"

#include <string>

#include <openssl/evp.h>

#include <gtest/gtest.h>

#include "base/Error.h"

using namespace cccd;

namespace {

std::string openSslBase64(ByteView bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(),
                                 static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

ErrorCode decodeError(const std::string& text) {
    try {
        (void)evidence::fromBase64(text);
    } catch (const Error& e) {
        return e.code();
    }
    ADD_FAILURE() << "decoded: " << text;
    return ErrorCode::InvalidArgument;
}

} // namespace

TEST(Base64Test, EncodesAsOpenSslAndDecodesBackForEveryTailLength) {
    Bytes bytes;
    for (int i = 0; i < 70; ++i) {
        std::string text = evidence::toBase64(bytes);
        EXPECT_EQ(text, openSslBase64(bytes)) << bytes.size() << " bytes";
        EXPECT_EQ(evidence::fromBase64(text), bytes) << bytes.size() << " bytes";
        bytes.push_back(static_cast<std::uint8_t>(i * 37 + 0xA5));
    }
}

TEST(Base64Test, RefusesEverySecondSpelling) {
    std::string good = evidence::toBase64(toBytes("evidence")); // "ZXZpZGVuY2U="
    ASSERT_EQ(evidence::fromBase64(good), toBytes("evidence"));
    for (const std::string& bad : {
             good.substr(0, good.size() - 1), // padding cut
             good + "====",                   // padding alone
             std::string("ZXZp\nZGVuY2U="),   // line break
             std::string("ZXZpZGVuY2V="),     // non-zero bits under the padding
             std::string("ZXZpZGVu=2U="),     // padding in the middle
             std::string("ZXZpZGVuY2U$"),     // outside the alphabet
             std::string("ZXZpZGVuY2-_"),     // the URL-safe alphabet
         }) {
        EXPECT_EQ(decodeError(bad), ErrorCode::MalformedData) << bad;
    }
}
