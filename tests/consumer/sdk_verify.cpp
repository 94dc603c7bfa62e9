// The C++ SDK as an installed program uses it: parses the MRZ of a DG1 file and verifies an
// EF.SOD with data group files offline (Passive Authentication), printing both as JSON. Exits 0
// when the SOD parses and every data group's hash matches it. Needs no card; it links the PC/SC
// channel too, which --readers lists.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>

#include <cccd/verify/TrustStore.h> // the other include style works as well

#include "json/DocumentJson.h"
#include "json/VerificationJson.h"
#include "lds/Dg1.h"
#include "pcsc/PcscContext.h"
#include "verify/PassiveAuthentication.h"

using namespace cccd;

namespace {

Bytes readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path);
    }
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

int listReaders() {
    for (const std::string& reader : pcsc::PcscContext().readers()) {
        std::cout << reader << "\n";
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    try {
        if (argc == 2 && std::string(argv[1]) == "--readers") {
            return listReaders();
        }
        if (argc < 3) {
            std::cerr << "usage: sdk_verify DG1 EF_SOD [N=DG_FILE...] | --readers\n";
            return 2;
        }
        Bytes dg1 = readFile(argv[1]);
        Bytes sod = readFile(argv[2]);
        std::map<int, Bytes> dataGroups{{1, dg1}};
        for (int i = 3; i < argc; ++i) {
            std::string argument = argv[i];
            auto equals = argument.find('=');
            dataGroups[std::stoi(argument.substr(0, equals))] =
                readFile(argument.substr(equals + 1));
        }

        auto report =
            verify::passiveAuthentication(sod, dataGroups, verify::TrustStore::withDefaultAnchor());
        nlohmann::json out;
        out["mrz"] = json::mrzToJson(lds::Dg1::parse(dg1).mrz);
        out["passive_authentication"] = json::toJson(report, json::sodHashAlgorithm(sod));
        std::cout << out.dump(2) << "\n";

        bool hashesMatch = report.sodParse == verify::ParseStatus::Ok;
        for (const verify::DgHashResult& result : report.dataGroups) {
            hashesMatch = hashesMatch && result.status == verify::DgHashStatus::Match;
        }
        return hashesMatch ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "sdk_verify: " << e.what() << "\n";
        return 1;
    }
}
