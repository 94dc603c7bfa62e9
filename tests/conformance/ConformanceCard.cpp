#include "ConformanceCard.h"

#include <chrono>
#include <memory>
#include <sstream>

#include "emulator/channel/EmulatorChannel.h"
#include "emulator/profilegen/MrzBuilder.h"
#include "emulator/profilegen/SodBuilder.h"
#include "mrz/Mrz.h"
#include "support/TestData.h"
#include "verify/ActiveAuthenticationResult.h"
#include "verify/ChipAuthenticationResult.h"

namespace cccd::conformance {

namespace {

// ICAO 9303-10 §4.6: EF.SOD is 011D in the application, DGn is 0100 + n.
constexpr std::uint16_t FidSod = 0x011D;
constexpr std::uint16_t FidFirstDataGroup = 0x0101;
constexpr std::uint16_t FidLastDataGroup = 0x0110;

// A linear congruential generator: the same card session every run, so a failure repeats.
crypto::RandomSource repeatableRandom(std::uint32_t seed) {
    auto state = std::make_shared<std::uint32_t>(seed);
    return [state](std::size_t size) {
        Bytes out(size);
        for (std::uint8_t& b : out) {
            *state = *state * 1664525u + 1013904223u;
            b = static_cast<std::uint8_t>(*state >> 24);
        }
        return out;
    };
}

} // namespace

const emulator::TestPki& testPki() {
    static const emulator::TestPki pki = emulator::TestPki::generate();
    return pki;
}

verify::TrustStore trustStore() {
    verify::TrustStore store;
    store.addPem(testPki().cscaPem());
    return store;
}

emulator::Persona persona(const std::string& name) {
    return emulator::loadPersona(test::sourceDir() / "drivers/emulator/personas" /
                                 (name + ".json"));
}

Bytes& ConformanceCard::applicationFile(std::uint16_t fid) {
    for (emulator::ElementaryFile& ef : card.profile.applicationFiles) {
        if (ef.fid == fid) {
            return ef.data;
        }
    }
    throw Error(ErrorCode::InvalidArgument, "the card has no such file");
}

emulator::ElementaryFile* ConformanceCard::masterFile(std::uint16_t fid) {
    for (emulator::ElementaryFile& ef : card.profile.masterFiles) {
        if (ef.fid == fid) {
            return &ef;
        }
    }
    return nullptr;
}

void ConformanceCard::replaceDataGroup(int dg, Bytes contents) {
    applicationFile(static_cast<std::uint16_t>(0x0100 + dg)) = std::move(contents);
    resign();
}

void ConformanceCard::resign() {
    std::vector<emulator::DataGroupFile> hashed;
    for (const emulator::ElementaryFile& ef : card.profile.applicationFiles) {
        if (ef.fid >= FidFirstDataGroup && ef.fid <= FidLastDataGroup) {
            hashed.emplace_back(ef.fid - 0x0100, ef.data);
        }
    }
    std::chrono::sys_seconds signingTime(
        std::chrono::sys_days(persona.dateOfIssue).time_since_epoch());
    applicationFile(FidSod) =
        emulator::buildSod(emulator::buildLdsSecurityObject(hashed), testPki().documentSigner.get(),
                           testPki().documentSignerKey.get(), signingTime);
}

reader::AccessKey ConformanceCard::accessKey() const {
    reader::AccessKey key = reader::AccessKey::fromIdNumber(persona.personalIdNumber);
    emulator::VietnameseMrz mrz = emulator::buildVietnameseMrz(persona);
    key.mrz = mrz::MrzKey::fromMrz(mrz::Mrz::parse(mrz.text()));
    return key;
}

ConformanceCard buildCard(const std::string& personaName,
                          const std::function<void(emulator::Persona&)>& change) {
    ConformanceCard out;
    out.persona = persona(personaName);
    if (change) {
        change(out.persona);
    }
    out.card = emulator::buildPersonaCard(out.persona, testPki());
    return out;
}

Verdict Inspection::verdict() const {
    return document && document->verified() ? Verdict::Successful : Verdict::Failed;
}

std::string Inspection::explain() const {
    std::ostringstream out;
    if (error) {
        out << "error " << errorCodeName(error->code()) << ": " << error->what();
        return out.str();
    }
    if (!document) {
        return "no inspection";
    }
    out << "PA " << verify::verdictName(document->passiveAuthentication.verdict) << ", chip "
        << reader::chipVerdictName(document->chipVerdict());
    if (const auto& ca = document->readout.chipAuthentication) {
        out << ", CA " << verify::chipAuthenticationStatusName(ca->status) << " ("
            << verify::chipAuthenticationReasonName(ca->reason) << ")";
    }
    if (const auto& aa = document->readout.activeAuthentication) {
        out << ", AA " << verify::activeAuthenticationStatusName(aa->status) << " ("
            << verify::activeAuthenticationReasonName(aa->reason) << ")";
    }
    for (const reader::ParseIssue& issue : document->parseIssues) {
        out << ", " << issue.file << " does not parse: " << issue.reason;
    }
    for (int dg : document->missingDataGroups) {
        out << ", DG" << dg << " missing";
    }
    return out.str();
}

std::shared_ptr<emulator::EmulatedCard> insert(const emulator::CardProfile& card) {
    return std::make_shared<emulator::EmulatedCard>(card, repeatableRandom(7));
}

Inspection inspect(const emulator::CardProfile& card, const reader::AccessKey& key,
                   reader::ReadOptions options) {
    return inspect(insert(card), key, std::move(options));
}

Inspection inspect(std::shared_ptr<emulator::EmulatedCard> card, const reader::AccessKey& key,
                   reader::ReadOptions options) {
    emulator::EmulatorChannel channel(std::move(card));
    options.random = repeatableRandom(11);
    Inspection out;
    try {
        out.document = reader::interpret(reader::readCard(channel, key, options), trustStore());
    } catch (const Error& e) {
        out.error = e;
    }
    return out;
}

Inspection inspect(ConformanceCard& card, reader::ReadOptions options) {
    return inspect(card.profile(), card.accessKey(), std::move(options));
}

} // namespace cccd::conformance
