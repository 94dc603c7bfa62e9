#include "lds/ElementaryFile.h"

#include <array>

#include "base/Error.h"

namespace cccd::lds {

namespace {

// ICAO 9303-10 §4.6.1, indexed by DG number - 1.
constexpr std::array<std::uint8_t, 16> DataGroupTags = {
    0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70};

constexpr std::array<std::string_view, 16> DataGroupNames = {
    "DG1", "DG2",  "DG3",  "DG4",  "DG5",  "DG6",  "DG7",  "DG8",
    "DG9", "DG10", "DG11", "DG12", "DG13", "DG14", "DG15", "DG16"};

constexpr std::uint8_t ComTag = 0x60;
constexpr std::uint8_t SodTag = 0x77;

} // namespace

std::uint16_t fileId(ElementaryFile file) {
    switch (file) {
    case ElementaryFile::CardAccess:
        return 0x011C;
    case ElementaryFile::CardSecurity:
        return 0x011D;
    case ElementaryFile::Com:
        return 0x011E;
    case ElementaryFile::Sod:
        return 0x011D;
    default:
        return static_cast<std::uint16_t>(0x0100 + *dataGroupNumber(file));
    }
}

std::uint8_t shortFileId(ElementaryFile file) {
    return static_cast<std::uint8_t>(fileId(file) & 0xFF);
}

std::string_view fileName(ElementaryFile file) {
    switch (file) {
    case ElementaryFile::CardAccess:
        return "EF.CardAccess";
    case ElementaryFile::CardSecurity:
        return "EF.CardSecurity";
    case ElementaryFile::Com:
        return "EF.COM";
    case ElementaryFile::Sod:
        return "EF.SOD";
    default:
        return DataGroupNames[static_cast<std::size_t>(*dataGroupNumber(file) - 1)];
    }
}

std::optional<std::uint8_t> fileTag(ElementaryFile file) {
    switch (file) {
    case ElementaryFile::CardAccess:
    case ElementaryFile::CardSecurity:
        return std::nullopt;
    case ElementaryFile::Com:
        return ComTag;
    case ElementaryFile::Sod:
        return SodTag;
    default:
        return dataGroupTag(*dataGroupNumber(file));
    }
}

ElementaryFile dataGroup(int number) {
    if (number < 1 || number > 16) {
        throw Error(ErrorCode::InvalidArgument, "LDS: data group number outside 1..16");
    }
    return static_cast<ElementaryFile>(static_cast<int>(ElementaryFile::Dg1) + number - 1);
}

std::optional<int> dataGroupNumber(ElementaryFile file) {
    int index = static_cast<int>(file) - static_cast<int>(ElementaryFile::Dg1);
    if (index < 0) {
        return std::nullopt;
    }
    return index + 1;
}

std::uint8_t dataGroupTag(int number) {
    if (number < 1 || number > 16) {
        throw Error(ErrorCode::InvalidArgument, "LDS: data group number outside 1..16");
    }
    return DataGroupTags[static_cast<std::size_t>(number - 1)];
}

std::optional<int> dataGroupFromTag(std::uint32_t tag) {
    for (std::size_t i = 0; i < DataGroupTags.size(); ++i) {
        if (DataGroupTags[i] == tag) {
            return static_cast<int>(i + 1);
        }
    }
    return std::nullopt;
}

std::optional<ElementaryFile> fileFromTag(std::uint32_t tag) {
    if (tag == ComTag) {
        return ElementaryFile::Com;
    }
    if (tag == SodTag) {
        return ElementaryFile::Sod;
    }
    if (auto number = dataGroupFromTag(tag)) {
        return dataGroup(*number);
    }
    return std::nullopt;
}

} // namespace cccd::lds
