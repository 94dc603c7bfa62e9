#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace cccd::lds {

/// The elementary files of the LDS1 eMRTD application and the two MF-level files of ICAO
/// 9303-10 §3.11 and §4.6.
enum class ElementaryFile {
    CardAccess,   ///< MF, FID 011C
    CardSecurity, ///< MF, FID 011D
    Com,          ///< EF.COM, FID 011E
    Sod,          ///< EF.SOD, FID 011D
    Dg1,
    Dg2,
    Dg3,
    Dg4,
    Dg5,
    Dg6,
    Dg7,
    Dg8,
    Dg9,
    Dg10,
    Dg11,
    Dg12,
    Dg13,
    Dg14,
    Dg15,
    Dg16,
};

/// File identifier for SELECT (ICAO 9303-10 §4.6, table "LDS1 elementary files"): DGn is 0100+n.
[[nodiscard]] std::uint16_t fileId(ElementaryFile file);

/// Short file identifier (same table): the low byte of the file identifier.
[[nodiscard]] std::uint8_t shortFileId(ElementaryFile file);

/// "EF.COM", "DG13", ...: for logs and reports.
[[nodiscard]] std::string_view fileName(ElementaryFile file);

/// The first tag of the file's contents (EF.COM 60, DG1 61, DG2 75, ..., EF.SOD 77); nullopt for
/// EF.CardAccess and EF.CardSecurity, which are bare SecurityInfos / ContentInfo.
[[nodiscard]] std::optional<std::uint8_t> fileTag(ElementaryFile file);

/// DGn for n in 1..16; throws Error(InvalidArgument) otherwise.
[[nodiscard]] ElementaryFile dataGroup(int number);

/// n for DGn, nullopt for the other files.
[[nodiscard]] std::optional<int> dataGroupNumber(ElementaryFile file);

/// The tag of DGn (ICAO 9303-10 §4.6.1: 61 DG1, 75 DG2, 63 DG3, 76 DG4, 65-70 DG5-DG16 with
/// 6D DG13, 6E DG14, 6F DG15); throws Error(InvalidArgument) outside 1..16.
[[nodiscard]] std::uint8_t dataGroupTag(int number);

/// DG number for a tag of the EF.COM tag list; nullopt for tags that name no data group.
[[nodiscard]] std::optional<int> dataGroupFromTag(std::uint32_t tag);

/// The file whose contents start with this tag (60, 61-70, 75, 76, 77).
[[nodiscard]] std::optional<ElementaryFile> fileFromTag(std::uint32_t tag);

} // namespace cccd::lds
