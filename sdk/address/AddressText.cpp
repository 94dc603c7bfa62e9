#include "address/AddressText.h"

#include <optional>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "base/Error.h"
#include "qr/QrText.h"

namespace cccd::address {

namespace {

// The five written tones of Vietnamese are combining marks in NFD; the vowel-quality marks
// (circumflex U+0302, breve U+0306, horn U+031B) stay with the letter.
char toneDigit(UChar32 c) {
    switch (c) {
    case 0x0301: // sắc (acute)
    case 0x0341:
        return '1';
    case 0x0300: // huyền (grave)
    case 0x0340:
        return '2';
    case 0x0309: // hỏi (hook above)
        return '3';
    case 0x0303: // ngã (tilde)
        return '4';
    case 0x0323: // nặng (dot below)
        return '5';
    default:
        return 0;
    }
}

bool isApostrophe(UChar32 c) {
    return c == 0x27 || c == 0x60 || c == 0xB4 || c == 0x2018 || c == 0x2019 || c == 0x02BC;
}

bool isWordCharacter(UChar32 c) {
    return u_isalnum(c) || u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK;
}

// A Roman numeral of 1..39 in capitals ("IV", "XII"): numbered wards and communes are written
// both ways ("Phường IV", "Phường 4"). Lower-case letters are never read as numerals.
std::optional<int> romanValue(std::string_view word) {
    if (word.empty() || word.size() > 6) {
        return std::nullopt;
    }
    auto digit = [](char c) {
        switch (c) {
        case 'I':
            return 1;
        case 'V':
            return 5;
        case 'X':
            return 10;
        default:
            return 0;
        }
    };
    int total = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
        int value = digit(word[i]);
        if (value == 0) {
            return std::nullopt;
        }
        int next = i + 1 < word.size() ? digit(word[i + 1]) : 0;
        total += value < next ? -value : value;
    }
    static constexpr std::string_view Canonical[] = {
        "",    "I",    "II",    "III",    "IV",    "V",    "VI",    "VII",    "VIII",    "IX",
        "X",   "XI",   "XII",   "XIII",   "XIV",   "XV",   "XVI",   "XVII",   "XVIII",   "XIX",
        "XX",  "XXI",  "XXII",  "XXIII",  "XXIV",  "XXV",  "XXVI",  "XXVII",  "XXVIII",  "XXIX",
        "XXX", "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII", "XXXVIII", "XXXIX"};
    if (total < 1 || total > 39 || Canonical[total] != word) {
        return std::nullopt;
    }
    return total;
}

struct WordKeys {
    std::string strict;
    std::string loose;
};

WordKeys keysOfLetters(std::string_view letters, bool abbreviation) {
    bool digits = !letters.empty();
    for (char c : letters) {
        digits = digits && c >= '0' && c <= '9';
    }
    if (digits) {
        std::size_t zeros = letters.find_first_not_of('0');
        std::string number(zeros == std::string_view::npos ? "0" : letters.substr(zeros));
        return {number, number};
    }
    auto roman = abbreviation ? std::nullopt : romanValue(letters); // "X." is Xã, not 10
    if (roman) {
        return {std::to_string(*roman), std::to_string(*roman)};
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
        throw Error(ErrorCode::NotSupported, "Unicode normalisation is unavailable");
    }
    icu::UnicodeString word = icu::UnicodeString::fromUTF8(
        icu::StringPiece(letters.data(), static_cast<int32_t>(letters.size())));
    icu::UnicodeString decomposed = nfd->normalize(word, status);
    decomposed.foldCase();
    icu::UnicodeString base;
    icu::UnicodeString loose;
    char tone = 0;
    for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
        UChar32 c = decomposed.char32At(i);
        if (char digit = toneDigit(c)) {
            tone = digit;
            continue;
        }
        base.append(c);
        if (u_getCombiningClass(c) != 0) {
            continue;
        }
        loose.append(c == 0x0111 ? UChar32('d') : c == 'y' ? UChar32('i') : c);
    }
    icu::UnicodeString composed = nfc->normalize(base, status);
    if (U_FAILURE(status)) {
        throw Error(ErrorCode::NotSupported, "Unicode normalisation failed");
    }
    WordKeys keys;
    composed.toUTF8String(keys.strict);
    loose.toUTF8String(keys.loose);
    if (tone != 0) {
        keys.strict.push_back(tone);
    }
    // "NT" abbreviates "nông trường" (state farm) in township names: "Thị trấn NT Liên Sơn".
    if (keys.strict == "nt") {
        return {"nông trương2", "nong truong"};
    }
    return keys;
}

// The code point at byte `i` of valid UTF-8 (normalizeNfc has checked it); advances `i`.
UChar32 nextCodePoint(const std::string& text, int32_t& i) {
    auto byte = [&](int32_t at) {
        return static_cast<UChar32>(static_cast<unsigned char>(text[static_cast<std::size_t>(at)]));
    };
    UChar32 lead = byte(i++);
    int trail = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    UChar32 c = trail == 3   ? lead & 0x07
                : trail == 2 ? lead & 0x0F
                : trail == 1 ? lead & 0x1F
                             : lead;
    for (; trail > 0; --trail) {
        c = (c << 6) | (byte(i++) & 0x3F);
    }
    return c;
}

struct RawWord {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string letters; ///< the word without apostrophes
    bool abbreviation = false;
    bool startsPart = false;
};

std::vector<RawWord> rawWords(const std::string& text) {
    std::vector<RawWord> words;
    RawWord current;
    bool inWord = false;
    bool partStart = true;
    auto finish = [&](bool abbreviation) {
        if (inWord) {
            current.abbreviation = abbreviation;
            words.push_back(std::move(current));
            current = RawWord{};
            inWord = false;
        }
    };
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        int32_t start = i;
        UChar32 c = nextCodePoint(text, i);
        if (isWordCharacter(c)) {
            if (!inWord) {
                current.begin = static_cast<std::size_t>(start);
                current.startsPart = partStart;
                partStart = false;
                inWord = true;
            }
            current.letters.append(text, static_cast<std::size_t>(start),
                                   static_cast<std::size_t>(i - start));
            current.end = static_cast<std::size_t>(i);
        } else if (isApostrophe(c) && inWord) {
            current.end = static_cast<std::size_t>(i);
        } else if (c == '.') {
            finish(true);
        } else if (c == ',' || c == ';') {
            finish(false);
            partStart = true;
        } else if (!isApostrophe(c)) {
            finish(false);
        }
    }
    finish(false);
    return words;
}

// "P5", "Q10": a ward or district number glued to its abbreviation.
bool gluedNumber(const RawWord& word) {
    const std::string& w = word.letters;
    if (w.size() < 2 || (w[0] != 'P' && w[0] != 'p' && w[0] != 'Q' && w[0] != 'q')) {
        return false;
    }
    for (std::size_t i = 1; i < w.size(); ++i) {
        if (w[i] < '0' || w[i] > '9') {
            return false;
        }
    }
    return true;
}

std::vector<RawWord> splitGlued(std::vector<RawWord> words) {
    std::vector<RawWord> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        RawWord& word = words[i];
        bool nt = (word.letters == "N" || word.letters == "n") && word.abbreviation &&
                  i + 1 < words.size() &&
                  (words[i + 1].letters == "T" || words[i + 1].letters == "t");
        if (nt) { // "N.T" as written in some lists for "Nông trường"
            words[i + 1].letters = "NT";
            words[i + 1].begin = word.begin;
            words[i + 1].startsPart = word.startsPart;
            continue;
        }
        if (gluedNumber(word)) {
            RawWord letter = word;
            letter.letters = word.letters.substr(0, 1);
            letter.end = word.begin + 1;
            letter.abbreviation = true;
            word.letters = word.letters.substr(1);
            word.begin += 1;
            word.startsPart = false;
            out.push_back(std::move(letter));
        }
        out.push_back(std::move(word));
    }
    return out;
}

// "phường iv" in a text written in lower case: a Roman numeral right after the type of a
// numbered unit (Phường, Quận), ending its part, is read as a number in any case.
bool lowerCaseNumeral(const std::vector<RawWord>& words, std::size_t i,
                      const std::string& previousKey) {
    static const std::string ward = keysOfLetters("phường", false).strict;
    static const std::string district = keysOfLetters("quận", false).strict;
    bool afterType =
        previousKey == ward || previousKey == district || previousKey == "p" || previousKey == "q";
    bool lastOfPart = i + 1 == words.size() || words[i + 1].startsPart;
    const std::string& w = words[i].letters;
    bool lower = !w.empty() && w.find_first_not_of("ivx") == std::string::npos;
    if (!afterType || !lastOfPart || !lower || words[i].startsPart) {
        return false;
    }
    std::string upper = w;
    for (char& c : upper) {
        c = static_cast<char>(c - 'a' + 'A');
    }
    return romanValue(upper).has_value();
}

std::string join(const std::vector<AddressWord>& words, std::size_t begin, std::size_t end,
                 bool strict) {
    std::string out;
    for (std::size_t i = begin; i < end; ++i) {
        if (i != begin) {
            out.push_back(' ');
        }
        out += strict ? words[i].strict : words[i].loose;
    }
    return out;
}

} // namespace

AddressText splitAddress(std::string_view utf8) {
    AddressText result;
    result.text = qr::normalizeNfc(utf8);
    result.plain = true;
    for (char c : result.text) {
        result.plain = result.plain && static_cast<unsigned char>(c) < 0x80;
    }
    std::vector<RawWord> raws = splitGlued(rawWords(result.text));
    for (std::size_t i = 0; i < raws.size(); ++i) {
        RawWord& raw = raws[i];
        WordKeys keys = keysOfLetters(raw.letters, raw.abbreviation);
        if (i > 0 && lowerCaseNumeral(raws, i, result.words.back().strict)) {
            std::string upper = raw.letters;
            for (char& c : upper) {
                c = static_cast<char>(c - 'a' + 'A');
            }
            std::string number = std::to_string(*romanValue(upper));
            keys = {number, number};
        }
        AddressWord word;
        word.begin = raw.begin;
        word.end = raw.end;
        word.strict = std::move(keys.strict);
        word.loose = std::move(keys.loose);
        word.abbreviation = raw.abbreviation;
        word.startsPart = raw.startsPart;
        result.words.push_back(std::move(word));
    }
    return result;
}

std::string nameKey(std::string_view utf8) {
    AddressText text = splitAddress(utf8);
    return joinStrict(text.words, 0, text.words.size());
}

std::string looseNameKey(std::string_view utf8) {
    AddressText text = splitAddress(utf8);
    return joinLoose(text.words, 0, text.words.size());
}

std::string joinStrict(const std::vector<AddressWord>& words, std::size_t begin, std::size_t end) {
    return join(words, begin, end, true);
}

std::string joinLoose(const std::vector<AddressWord>& words, std::size_t begin, std::size_t end) {
    return join(words, begin, end, false);
}

} // namespace cccd::address
