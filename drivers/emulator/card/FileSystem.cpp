#include "emulator/card/FileSystem.h"

#include <algorithm>
#include <array>

namespace cccd::emulator {

namespace {

// ICAO 9303-10 §3.6.1: the LDS1 eMRTD application identifier.
constexpr std::array<std::uint8_t, 7> EmrtdAid{0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};

} // namespace

FileSystem::FileSystem(std::vector<ElementaryFile> masterFiles,
                       std::vector<ElementaryFile> applicationFiles)
    : m_masterFiles(std::move(masterFiles)), m_applicationFiles(std::move(applicationFiles)) {}

void FileSystem::reset() {
    m_df = Df::Master;
    m_current = nullptr;
}

void FileSystem::selectMasterFile() {
    reset();
}

bool FileSystem::selectApplication(ByteView aid) {
    if (!std::equal(aid.begin(), aid.end(), EmrtdAid.begin(), EmrtdAid.end())) {
        return false;
    }
    m_df = Df::Application;
    m_current = nullptr;
    return true;
}

const ElementaryFile* FileSystem::selectFile(std::uint16_t fid) {
    ElementaryFile* ef = nullptr;
    if (m_df == Df::Application) {
        ef = find(m_applicationFiles, fid);
    }
    if (ef == nullptr) {
        ef = find(m_masterFiles, fid);
    }
    if (ef != nullptr) {
        m_current = ef;
    }
    return ef;
}

const ElementaryFile* FileSystem::selectPathFromMasterFile(ByteView path) {
    if (path.size() != 2) {
        return nullptr;
    }
    ElementaryFile* ef = find(m_masterFiles, static_cast<std::uint16_t>((path[0] << 8) | path[1]));
    if (ef != nullptr) {
        m_df = Df::Master;
        m_current = ef;
    }
    return ef;
}

const ElementaryFile* FileSystem::selectBySfi(std::uint8_t sfi) {
    auto matches = [sfi](const ElementaryFile& ef) { return (ef.fid & 0x1F) == sfi; };
    std::vector<ElementaryFile>& primary =
        m_df == Df::Application ? m_applicationFiles : m_masterFiles;
    auto it = std::find_if(primary.begin(), primary.end(), matches);
    if (it == primary.end() && m_df == Df::Application) {
        // Inside the application the EFs of the MF stay reachable (EF.CardAccess by SFI 1C).
        it = std::find_if(m_masterFiles.begin(), m_masterFiles.end(), matches);
        if (it == m_masterFiles.end()) {
            return nullptr;
        }
    } else if (it == primary.end()) {
        return nullptr;
    }
    m_current = &*it;
    return m_current;
}

const ElementaryFile* FileSystem::currentFile() const {
    return m_current;
}

ElementaryFile* FileSystem::findFile(std::uint16_t fid) {
    ElementaryFile* ef = find(m_applicationFiles, fid);
    return ef != nullptr ? ef : find(m_masterFiles, fid);
}

ElementaryFile* FileSystem::find(std::vector<ElementaryFile>& files, std::uint16_t fid) {
    auto it = std::find_if(files.begin(), files.end(),
                           [fid](const ElementaryFile& ef) { return ef.fid == fid; });
    return it == files.end() ? nullptr : &*it;
}

} // namespace cccd::emulator
