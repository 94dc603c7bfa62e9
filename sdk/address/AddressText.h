#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cccd::address {

/// One word of an address with its comparison keys. Two keys, so that spellings that differ only
/// in the ways names are written match:
/// - `strict`: case folded, tone mark moved out of the vowel cluster to a digit after the word
///   ("Hoà" and "Hòa" both become "hoa2"), apostrophes dropped ("H'Leo", "H’leo" -> "hleo"),
///   leading zeros of numbers dropped ("04" -> "4"), Roman numerals as digits ("IV" -> "4"),
///   "NT" / "N.T" as "nông trường";
/// - `loose`: no diacritics at all, "đ" as "d", "y" as "i" (Quý/Quí, Sỹ/Sĩ), for a second try.
struct AddressWord {
    std::size_t begin = 0; ///< byte offset of the word in AddressText::text
    std::size_t end = 0;   ///< byte offset just past the word
    std::string strict;
    std::string loose;
    bool abbreviation = false; ///< written with a full stop or glued to a number ("P.", "P5")
    bool startsPart = false;   ///< first word of the text or first after a comma or semicolon
};

/// An address split into words: commas and semicolons separate parts; white space, hyphens,
/// slashes and brackets separate words; full stops end abbreviations ("TP.HCM" is "TP." "HCM").
struct AddressText {
    std::string text; ///< the input in Unicode NFC
    std::vector<AddressWord> words;
    bool plain = false; ///< no letter outside ASCII: written without diacritics
};

/// Splits UTF-8 text. Throws Error(MalformedData) on invalid UTF-8.
[[nodiscard]] AddressText splitAddress(std::string_view utf8);

/// The strict key of a whole name: the words' strict keys joined by one space. "Xã Ea H’Leo"
/// and "xã  ea h'leo" have the same key.
[[nodiscard]] std::string nameKey(std::string_view utf8);

/// The loose key of a whole name (see AddressWord::loose).
[[nodiscard]] std::string looseNameKey(std::string_view utf8);

/// The keys of words [begin, end) joined by one space.
[[nodiscard]] std::string joinStrict(const std::vector<AddressWord>& words, std::size_t begin,
                                     std::size_t end);
[[nodiscard]] std::string joinLoose(const std::vector<AddressWord>& words, std::size_t begin,
                                    std::size_t end);

} // namespace cccd::address
