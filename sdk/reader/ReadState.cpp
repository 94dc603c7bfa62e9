#include "reader/ReadState.h"

#include <algorithm>

#include "base/Error.h"
#include "base/SecureBytes.h"

namespace cccd::reader {

ReadState::~ReadState() {
    clear();
}

bool ReadState::empty() const {
    return m_atr.empty() && !m_cardAccess && m_files.empty() && m_unfinished.empty() &&
           m_sessions == 0;
}

void ReadState::clear() {
    for (auto& [name, file] : m_files) {
        wipe(file.content);
    }
    m_files.clear();
    dropUnfinished();
    if (m_cardAccess) {
        wipe(*m_cardAccess);
    }
    m_cardAccess.reset();
    m_atr.clear();
    m_sessions = 0;
    m_readBinaryCommands = 0;
    m_recoveries = 0;
}

bool ReadState::belongsTo(ByteView atr) const {
    return m_atr.empty() || std::equal(m_atr.begin(), m_atr.end(), atr.begin(), atr.end());
}

std::optional<std::pair<std::string, std::size_t>> ReadState::unfinishedFile() const {
    if (m_unfinished.empty()) {
        return std::nullopt;
    }
    return std::make_pair(m_unfinishedName, m_unfinished.size());
}

void ReadState::admit(ByteView atr) {
    if (!belongsTo(atr)) {
        throw Error(ErrorCode::InvalidArgument,
                    "the card on the reader is not the one this read began on (another ATR); "
                    "clear the read state to read it afresh");
    }
    m_atr.assign(atr.begin(), atr.end());
}

void ReadState::setCardAccess(Bytes file) {
    m_cardAccess = std::move(file);
}

const ReadState::File* ReadState::finished(const std::string& name) const {
    auto it = m_files.find(name);
    return it == m_files.end() ? nullptr : &it->second;
}

Bytes& ReadState::unfinished(const std::string& name) {
    if (name != m_unfinishedName) {
        dropUnfinished();
        m_unfinishedName = name;
    }
    return m_unfinished;
}

void ReadState::finish(const std::string& name, const FileReader::Result& result) {
    if (name == m_unfinishedName) {
        dropUnfinished();
    }
    File& file = m_files[name];
    wipe(file.content);
    file = File{result.outcome, result.content, result.sw};
}

void ReadState::dropUnfinished() {
    wipe(m_unfinished);
    m_unfinishedName.clear();
}

} // namespace cccd::reader
