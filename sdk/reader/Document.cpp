#include "reader/Document.h"

namespace cccd::reader {

namespace {

template <typename Record>
std::optional<Record> parseFile(const std::string& name, ByteView bytes,
                                std::vector<ParseIssue>& issues) {
    try {
        return Record::parse(bytes);
    } catch (const Error& e) {
        issues.push_back({name, e.code(), e.what()});
        return std::nullopt;
    }
}

template <typename Record>
std::optional<Record> parseDataGroup(const CardReadout& readout, int dg,
                                     std::vector<ParseIssue>& issues) {
    auto it = readout.dataGroups.find(dg);
    if (it == readout.dataGroups.end()) {
        return std::nullopt;
    }
    return parseFile<Record>("DG" + std::to_string(dg), it->second, issues);
}

} // namespace

const lds::FaceImage* Document::portrait() const {
    if (!dg2 || dg2->faces.empty()) {
        return nullptr;
    }
    return &dg2->faces.front();
}

bool Document::verified() const {
    return parseIssues.empty() && passiveAuthentication.verdict == verify::Verdict::Valid;
}

Document interpret(CardReadout readout, const verify::TrustStore& trustStore) {
    Document d;
    d.efCom = parseFile<lds::EfCom>("EF.COM", readout.efCom, d.parseIssues);
    d.dg1 = parseDataGroup<lds::Dg1>(readout, 1, d.parseIssues);
    d.dg2 = parseDataGroup<lds::Dg2>(readout, 2, d.parseIssues);
    d.dg13 = parseDataGroup<lds::Dg13>(readout, 13, d.parseIssues);
    d.dg14 = parseDataGroup<lds::Dg14>(readout, 14, d.parseIssues);
    d.dg15 = parseDataGroup<lds::Dg15>(readout, 15, d.parseIssues);
    d.passiveAuthentication =
        verify::passiveAuthentication(readout.efSod, readout.dataGroups, trustStore);
    d.readout = std::move(readout);
    return d;
}

} // namespace cccd::reader
