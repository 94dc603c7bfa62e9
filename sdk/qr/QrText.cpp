#include "qr/QrText.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include "base/Error.h"

namespace cccd::qr {

namespace {

// ICU's strict conversion: with the substitution character U_SENTINEL every ill-formed sequence
// (overlong forms, surrogates, truncated or stray bytes) is an error instead of U+FFFD.
icu::UnicodeString strictUtf16(std::string_view utf8) {
    if (utf8.size() > static_cast<std::size_t>(INT32_MAX / 2)) {
        throw Error(ErrorCode::MalformedData, "QR text is too long");
    }
    auto length = static_cast<int32_t>(utf8.size());
    icu::UnicodeString out;
    UErrorCode status = U_ZERO_ERROR;
    int32_t units = 0;
    UChar* buffer = out.getBuffer(length + 1);
    u_strFromUTF8WithSub(buffer, length + 1, &units, utf8.data(), length, U_SENTINEL, nullptr,
                         &status);
    out.releaseBuffer(U_SUCCESS(status) ? units : 0);
    if (U_FAILURE(status)) {
        throw Error(ErrorCode::MalformedData, "QR text is not valid UTF-8");
    }
    return out;
}

} // namespace

std::string normalizeNfc(std::string_view utf8) {
    icu::UnicodeString text = strictUtf16(utf8);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    icu::UnicodeString normalized = U_SUCCESS(status) ? nfc->normalize(text, status) : text;
    if (U_FAILURE(status)) {
        throw Error(ErrorCode::NotSupported, "Unicode normalisation is unavailable");
    }
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

std::string decodeQrText(ByteView raw) {
    return normalizeNfc(std::string_view(reinterpret_cast<const char*>(raw.data()), raw.size()));
}

std::string decodeQrText(std::string_view utf8) {
    return normalizeNfc(utf8);
}

} // namespace cccd::qr
