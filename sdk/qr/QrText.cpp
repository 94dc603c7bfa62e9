#include "qr/QrText.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
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

std::string comparableText(std::string_view utf8) {
    icu::UnicodeString folded = strictUtf16(normalizeNfc(utf8));
    folded.foldCase();
    std::string text;
    folded.toUTF8String(text);
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out.push_back(' ');
            space = false;
        }
        out.push_back(c);
    }
    return out;
}

namespace {

// Letters without their diacritics (Đ/đ as D), upper case; digits kept when asked; anything
// else one space between words.
std::string asciiFold(std::string_view utf8, bool keepDigits) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString text = strictUtf16(utf8);
    icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(text, status) : text;
    if (U_FAILURE(status)) {
        throw Error(ErrorCode::NotSupported, "Unicode normalisation is unavailable");
    }
    constexpr UChar32 DStroke = 0x0111;        // đ (no decomposition: map by hand)
    constexpr UChar32 CapitalDStroke = 0x0110; // Đ
    std::string out;
    bool space = false;
    for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
        UChar32 c = decomposed.char32At(i);
        if (c == DStroke || c == CapitalDStroke) {
            c = 'D';
        }
        if (c >= 'a' && c <= 'z') {
            c = c - 'a' + 'A';
        }
        if (u_getCombiningClass(c) != 0) {
            continue; // a diacritic of the letter before
        }
        if ((c >= 'A' && c <= 'Z') || (keepDigits && c >= '0' && c <= '9')) {
            if (space && !out.empty()) {
                out.push_back(' ');
            }
            space = false;
            out.push_back(static_cast<char>(c));
        } else {
            space = true;
        }
    }
    return out;
}

} // namespace

std::string mrzTransliteration(std::string_view utf8) {
    return asciiFold(utf8, false);
}

std::string searchKey(std::string_view utf8) {
    std::string out = asciiFold(utf8, true);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

std::string decodeQrText(ByteView raw) {
    return normalizeNfc(std::string_view(reinterpret_cast<const char*>(raw.data()), raw.size()));
}

std::string decodeQrText(std::string_view utf8) {
    return normalizeNfc(utf8);
}

} // namespace cccd::qr
