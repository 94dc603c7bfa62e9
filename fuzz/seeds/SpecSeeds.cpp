#include "SpecSeeds.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/Error.h"
#include "crypto/SignedData.h"
#include "tlv/Tlv.h"

namespace cccd::fuzz {

namespace {

namespace fs = std::filesystem;

void addAll(std::vector<Seed>& to, std::vector<Seed>&& more) {
    std::move(more.begin(), more.end(), std::back_inserter(to));
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

std::vector<std::string> harnessesForSample(const std::string& name) {
    if (contains(name, "EF_SOD")) {
        return {"sod", "tlv"};
    }
    if (contains(name, "CardSecurity")) {
        return {"card-security", "tlv"};
    }
    if (contains(name, "CardAccess")) {
        return {"card-access", "tlv"};
    }
    if (contains(name, "EF_COM")) {
        return {"ef-com", "tlv"};
    }
    if (name.starts_with("DG1_") || name == "Datagroup1.bin") {
        return {"dg1", "tlv"};
    }
    if (name == "Datagroup14.bin") {
        return {"dg14", "tlv"};
    }
    if (name == "Datagroup15.bin") {
        return {"dg15", "tlv"};
    }
    if (name.ends_with(".cer") || name.ends_with(".pem")) {
        return {"certificate"};
    }
    if (name.ends_with(".ml")) {
        return {"master-list"};
    }
    return {};
}

// cccd.md and field-cases.md write a payload as 12 digits, '|', ... up to a backtick or the end
// of the line.
void addPayloadsOfMarkdown(SeedCorpus& corpus, const fs::path& file) {
    std::ifstream in(file);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        for (std::size_t at = 0; at + 13 <= line.size(); ++at) {
            bool digits = std::all_of(line.begin() + static_cast<std::ptrdiff_t>(at),
                                      line.begin() + static_cast<std::ptrdiff_t>(at + 12),
                                      [](char c) { return std::isdigit(c) != 0; });
            bool startsRun = at == 0 || std::isdigit(static_cast<unsigned char>(line[at - 1])) == 0;
            if (!digits || !startsRun || line[at + 12] != '|') {
                continue;
            }
            std::size_t end = line.find('`', at);
            std::string payload = line.substr(at, end == std::string::npos ? end : end - at);
            corpus["qr-payload"].push_back(
                {file.stem().string() + "-" + std::to_string(++n), toBytes(payload)});
            at += payload.size();
        }
    }
}

// "1990-05-14" -> "14051990", as the QR writes dates (cccd.md §4.1).
std::string qrDate(const std::string& iso) {
    if (iso.size() != 10) {
        return iso;
    }
    return iso.substr(8, 2) + iso.substr(5, 2) + iso.substr(0, 4);
}

Bytes personaPayload(const nlohmann::json& p) {
    std::string sex = p.value("sex", "M") == "F" ? "Nữ" : "Nam";
    std::string text = p.value("personalIdNumber", "") + "|" + p.value("oldIdNumber", "") + "|" +
                       p.value("fullName", "") + "|" + qrDate(p.value("dateOfBirth", "")) + "|" +
                       sex + "|" + p.value("placeOfResidence", "") + "|" +
                       qrDate(p.value("dateOfIssue", ""));
    return toBytes(text);
}

// The certList of a CscaMasterList (ICAO 9303-12 §9) cut to its first `keep` certificates;
// the signature no longer verifies, the structure is intact.
Bytes cutMasterList(ByteView contentInfo, std::size_t keep) {
    auto rebuild = [](const tlv::Tlv& object, const std::vector<Bytes>& children) {
        Bytes value;
        for (const Bytes& child : children) {
            append(value, child);
        }
        return tlv::encode(object.tag, value);
    };
    auto encodedChildren = [](const tlv::Tlv& object) {
        std::vector<Bytes> out;
        for (const tlv::Tlv& child : tlv::children(object)) {
            out.emplace_back(child.encoded.begin(), child.encoded.end());
        }
        return out;
    };
    tlv::Tlv outer = tlv::parse(contentInfo, 0x30);
    std::vector<tlv::Tlv> outerChildren = tlv::children(outer);
    tlv::Tlv explicit0 = outerChildren.at(1);
    tlv::Tlv signedData = tlv::children(explicit0).at(0);
    std::vector<tlv::Tlv> sdChildren = tlv::children(signedData);
    tlv::Tlv encap = sdChildren.at(2);
    tlv::Tlv content0 = tlv::children(encap).at(1);
    tlv::Tlv octets = tlv::children(content0).at(0);
    tlv::Tlv list = tlv::parse(octets.value, 0x30);
    std::vector<tlv::Tlv> listChildren = tlv::children(list);
    std::vector<Bytes> certs = encodedChildren(listChildren.at(1));
    certs.resize(std::min(keep, certs.size()));

    Bytes newList =
        rebuild(list, {Bytes(listChildren.at(0).encoded.begin(), listChildren.at(0).encoded.end()),
                       rebuild(listChildren.at(1), certs)});
    Bytes newContent0 = tlv::encode(content0.tag, tlv::encode(octets.tag, newList));
    std::vector<Bytes> encapParts = encodedChildren(encap);
    encapParts.at(1) = newContent0;
    std::vector<Bytes> sdParts = encodedChildren(signedData);
    sdParts.at(2) = rebuild(encap, encapParts);
    Bytes newExplicit0 = tlv::encode(explicit0.tag, rebuild(signedData, sdParts));
    std::vector<Bytes> outerParts = encodedChildren(outer);
    outerParts.at(1) = newExplicit0;
    return rebuild(outer, outerParts);
}

// A DG2 whose one biometric data block is ISO/IEC 39794-5 encoded (tag 7F2E, BER inside) rather
// than a 19794-5 record: the shape of LDS 2 era portraits. Invented content.
Bytes dg2With39794Block() {
    using tlv::encode;
    Bytes header =
        encode(0xA1, concat(concat(encode(0x81, Bytes{0x02}), encode(0x87, Bytes{0x01, 0x01})),
                            encode(0x88, Bytes{0x00, 0x09})));
    Bytes face = encode(0xA1, concat(encode(0x80, Bytes{0x03}),
                                     encode(0xA2, encode(0xA0, encode(0x80, Bytes(32, 0xFF))))));
    Bytes block = encode(0x7F2E, face);
    Bytes bit = encode(0x7F60, concat(header, block));
    return encode(0x75, encode(0x7F61, concat(encode(0x02, Bytes{0x01}), bit)));
}

} // namespace

void addSpecSeeds(SeedCorpus& corpus, const fs::path& specDir) {
    if (!fs::is_directory(specDir)) {
        return;
    }
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(specDir)) {
        if (entry.is_regular_file()) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& path : files) {
        std::string name = path.filename().string();
        std::string label = "spec-" + path.parent_path().filename().string() + "-" + name;
        for (const std::string& harness : harnessesForSample(name)) {
            corpus[harness].push_back({label, readSeedFile(path)});
        }
    }
}

void addQrSeeds(SeedCorpus& corpus, const fs::path& specDir, const fs::path& personasDir) {
    for (const char* file : {"cccd.md", "field-cases.md"}) {
        if (fs::is_regular_file(specDir / file)) {
            addPayloadsOfMarkdown(corpus, specDir / file);
        }
    }
    if (!fs::is_directory(personasDir)) {
        return;
    }
    std::vector<fs::path> personas;
    for (const fs::directory_entry& entry : fs::directory_iterator(personasDir)) {
        if (entry.path().extension() == ".json") {
            personas.push_back(entry.path());
        }
    }
    std::sort(personas.begin(), personas.end());
    for (const fs::path& path : personas) {
        std::ifstream in(path);
        nlohmann::json persona = nlohmann::json::parse(in);
        if (persona.contains("personalIdNumber")) {
            corpus["qr-payload"].push_back(
                {"persona-" + path.stem().string(), personaPayload(persona)});
        }
    }
}

void addDerivedSeeds(SeedCorpus& corpus) {
    std::vector<Seed> mrzTexts;
    for (const Seed& dg1 : corpus["dg1"]) {
        try {
            tlv::Tlv mrz = tlv::parse(tlv::parse(dg1.data, 0x61).value, 0x5F1F);
            mrzTexts.push_back({dg1.name + "-mrz", Bytes(mrz.value.begin(), mrz.value.end())});
        } catch (const Error&) {
            // Not every DG1 sample is well formed; the others still give their MRZ.
        }
    }
    addAll(corpus["mrz"], std::move(mrzTexts));

    std::vector<Seed> certificates;
    for (const char* harness : {"sod", "card-security"}) {
        for (const Seed& seed : corpus[harness]) {
            try {
                ByteView signedData = seed.data;
                if (!seed.data.empty() && seed.data[0] == 0x77) {
                    signedData = tlv::parse(seed.data).value;
                }
                int n = 0;
                for (const crypto::Certificate& c :
                     crypto::SignedData::parse(signedData).certificates) {
                    certificates.push_back({seed.name + "-cert" + std::to_string(++n), c.der()});
                }
            } catch (const Error&) {
                // A sample without embedded certificates gives none.
            }
        }
    }
    addAll(corpus["certificate"], std::move(certificates));

    std::vector<Seed> lists;
    for (const Seed& seed : corpus["master-list"]) {
        for (std::size_t keep : {1u, 3u}) {
            try {
                lists.push_back(
                    {seed.name + "-first" + std::to_string(keep), cutMasterList(seed.data, keep)});
            } catch (const std::exception&) {
                // Not the expected shape: the list stays a seed as it is.
            }
        }
    }
    addAll(corpus["master-list"], std::move(lists));

    corpus["dg2"].push_back({"invented-39794-5-block", dg2With39794Block()});
}

} // namespace cccd::fuzz
