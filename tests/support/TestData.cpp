#include "support/TestData.h"

#include <fstream>
#include <iterator>

#include "base/Error.h"

namespace cccd::test {

std::filesystem::path specDir() {
    return CCCD_SPEC_DIR;
}

std::filesystem::path sharedDataDir() {
    std::filesystem::path spec = specDir().lexically_normal();
    if (!spec.has_filename()) {
        spec = spec.parent_path(); // a trailing separator
    }
    return spec.parent_path() / "data";
}

std::filesystem::path testDataDir() {
    return CCCD_TEST_DATA_DIR;
}

std::filesystem::path binaryDir() {
    return CCCD_BINARY_DIR;
}

std::filesystem::path sourceDir() {
    return CCCD_SOURCE_DIR;
}

Bytes readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorCode::Io, "cannot open test file " + path.string());
    }
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

nlohmann::json vectors(const std::string& fileName) {
    std::ifstream in(specDir() / "vectors" / fileName);
    if (!in) {
        throw Error(ErrorCode::Io, "cannot open vector file " + fileName);
    }
    return nlohmann::json::parse(in);
}

Bytes hexField(const nlohmann::json& object, const std::string& key) {
    return fromHex(object.at(key).get<std::string>());
}

} // namespace cccd::test
