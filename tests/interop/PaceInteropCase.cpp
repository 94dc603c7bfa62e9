#include "interop/PaceInteropCase.h"

#include <array>

namespace cccd::test {

namespace {

constexpr std::string_view IdPace = "0.4.0.127.0.7.2.2.4";

// ICAO 9303-11 §9.5.1, standardized domain parameters: 0-2 MODP groups with prime-order
// subgroups (RFC 5114), 8-18 elliptic curves (NIST and Brainpool).
constexpr std::array DhParameterIds{std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{2}};
constexpr std::array EcdhParameterIds{std::uint64_t{8},  std::uint64_t{9},  std::uint64_t{10},
                                      std::uint64_t{11}, std::uint64_t{12}, std::uint64_t{13},
                                      std::uint64_t{14}, std::uint64_t{15}, std::uint64_t{16},
                                      std::uint64_t{17}, std::uint64_t{18}};
constexpr std::array AllCiphers{PaceCipher::Tdes, PaceCipher::Aes128, PaceCipher::Aes192,
                                PaceCipher::Aes256};
constexpr std::array AesCiphers{PaceCipher::Aes128, PaceCipher::Aes192, PaceCipher::Aes256};
constexpr std::array Passwords{access::PacePasswordType::Mrz, access::PacePasswordType::Can};

std::string mappingName(PaceMapping mapping) {
    switch (mapping) {
    case PaceMapping::DhGm:
        return "DhGm";
    case PaceMapping::EcdhGm:
        return "EcdhGm";
    case PaceMapping::DhIm:
        return "DhIm";
    case PaceMapping::EcdhIm:
        return "EcdhIm";
    case PaceMapping::EcdhCam:
        return "EcdhCam";
    }
    return "Unknown";
}

std::string cipherName(PaceCipher cipher) {
    switch (cipher) {
    case PaceCipher::Tdes:
        return "Tdes";
    case PaceCipher::Aes128:
        return "Aes128";
    case PaceCipher::Aes192:
        return "Aes192";
    case PaceCipher::Aes256:
        return "Aes256";
    }
    return "Unknown";
}

std::string parameterName(std::uint64_t parameterId) {
    constexpr std::array<const char*, 19> Names{
        "Modp1024_160", "Modp2048_224", "Modp2048_256", "Rfu3",         "Rfu4",
        "Rfu5",         "Rfu6",         "Rfu7",         "P192",         "Brainpool192",
        "P224",         "Brainpool224", "P256",         "Brainpool256", "Brainpool320",
        "P384",         "Brainpool384", "Brainpool512", "P521"};
    return parameterId < Names.size() ? Names[parameterId] : "Id" + std::to_string(parameterId);
}

template <typename Ids, typename Ciphers>
void addCases(std::vector<PaceInteropCase>& out, PaceMapping mapping, const Ciphers& ciphers,
              const Ids& parameterIds) {
    for (PaceCipher cipher : ciphers) {
        for (std::uint64_t parameterId : parameterIds) {
            for (access::PacePasswordType password : Passwords) {
                out.push_back({mapping, cipher, parameterId, password});
            }
        }
    }
}

} // namespace

std::string PaceInteropCase::protocolOid() const {
    return std::string(IdPace) + "." + std::to_string(static_cast<int>(mapping)) + "." +
           std::to_string(static_cast<int>(cipher));
}

std::string PaceInteropCase::name() const {
    return mappingName(mapping) + "_" + cipherName(cipher) + "_" + parameterName(parameterId) +
           (password == access::PacePasswordType::Mrz ? "_Mrz" : "_Can");
}

std::ostream& operator<<(std::ostream& out, const PaceInteropCase& c) {
    return out << c.name() << " (" << c.protocolOid() << ", parameter ID " << c.parameterId << ")";
}

std::vector<PaceInteropCase> allPaceInteropCases() {
    std::vector<PaceInteropCase> out;
    addCases(out, PaceMapping::EcdhGm, AllCiphers, EcdhParameterIds);
    addCases(out, PaceMapping::DhGm, AllCiphers, DhParameterIds);
    addCases(out, PaceMapping::EcdhIm, AllCiphers, EcdhParameterIds);
    addCases(out, PaceMapping::DhIm, AllCiphers, DhParameterIds);
    addCases(out, PaceMapping::EcdhCam, AesCiphers, EcdhParameterIds);
    return out;
}

std::vector<PaceInteropCase> wrongPasswordCases() {
    std::vector<PaceInteropCase> out;
    constexpr std::array Mappings{PaceMapping::EcdhGm, PaceMapping::DhGm, PaceMapping::EcdhIm,
                                  PaceMapping::DhIm, PaceMapping::EcdhCam};
    for (PaceMapping mapping : Mappings) {
        bool dh = mapping == PaceMapping::DhGm || mapping == PaceMapping::DhIm;
        for (access::PacePasswordType password : Passwords) {
            out.push_back({mapping, PaceCipher::Aes128, dh ? 2u : 13u, password});
        }
    }
    return out;
}

} // namespace cccd::test
