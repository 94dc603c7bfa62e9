#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "emulator/card/CardProfile.h"

namespace cccd::emulator {

/// The card's file tree (ISO/IEC 7816-4 §7.1): the MF with its EFs, and one DF, the eMRTD
/// application (ICAO 9303-10 §3.6), with the LDS files. Tracks the current DF and EF.
class FileSystem {
public:
    FileSystem(std::vector<ElementaryFile> masterFiles,
               std::vector<ElementaryFile> applicationFiles);

    // m_current points into the vectors: a copy would point into the original.
    FileSystem(const FileSystem&) = delete;
    FileSystem& operator=(const FileSystem&) = delete;
    FileSystem(FileSystem&&) = default;
    FileSystem& operator=(FileSystem&&) = default;

    enum class Df { Master, Application };

    /// After reset the MF is the current DF and no EF is selected.
    void reset();

    void selectMasterFile();

    /// SELECT by DF name: true when the name is the eMRTD AID A0 00 00 02 47 10 01.
    [[nodiscard]] bool selectApplication(ByteView aid);

    /// SELECT EF under the current DF. Inside the application an EF of the MF is found too:
    /// readers select EF.CardAccess before or after the application, and chips allow both.
    [[nodiscard]] const ElementaryFile* selectFile(std::uint16_t fid);

    /// SELECT by path from the MF (ISO/IEC 7816-4 §7.1.1, P1 08): the path without 3F00. This
    /// card's only path is one FID, an EF of the MF (EF.CardSecurity after PACE inside the
    /// application, where 011D is EF.SOD); the MF becomes the current DF.
    [[nodiscard]] const ElementaryFile* selectPathFromMasterFile(ByteView path);

    /// READ BINARY with a short EF identifier (ISO/IEC 7816-4 §11.2.2): SFI = low 5 bits of FID.
    /// Inside the application the MF's EFs are found too, after the application's own.
    [[nodiscard]] const ElementaryFile* selectBySfi(std::uint8_t sfi);

    [[nodiscard]] const ElementaryFile* currentFile() const;

    [[nodiscard]] Df currentDf() const { return m_df; }

    /// The file by FID in either DF (application first), for fault injection.
    [[nodiscard]] ElementaryFile* findFile(std::uint16_t fid);

private:
    [[nodiscard]] ElementaryFile* find(std::vector<ElementaryFile>& files, std::uint16_t fid);

    std::vector<ElementaryFile> m_masterFiles;
    std::vector<ElementaryFile> m_applicationFiles;
    Df m_df = Df::Master;
    ElementaryFile* m_current = nullptr;
};

} // namespace cccd::emulator
