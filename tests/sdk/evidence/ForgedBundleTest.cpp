// Bundles a dishonest client could send a bank's server: each forgery either fails its
// re-verification or is refused as malformed data, never verified, never a crash.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "EvidenceTestSupport.h"
#include "evidence/EvidenceBundle.h"
#include "evidence/Reverification.h"
#include "evidence/ReverificationJson.h"
#include "reader/Document.h"

using namespace cccd;
using namespace cccd::evidencetest;
using evidence::ChallengeCheck;
using verify::ActiveAuthenticationReason;
using verify::ActiveAuthenticationStatus;
using Json = nlohmann::json;

namespace {

// A read of vn-basic (Chip Authentication, then no Active Authentication) as the forger keeps
// it: the card's files are genuine, the chip is not at hand when the server's nonce comes.
evidence::EvidenceBundle copiedFiles() {
    return evidence::makeBundle(readOf("vn-basic"));
}

Json bundleJson(const evidence::EvidenceBundle& bundle) {
    return Json::parse(evidence::serializeBundle(bundle));
}

} // namespace

// --- the server's nonce: only a signature the chip made over it binds the read ---

// Passes from the start; kept: the honest bundle of a Vietnamese card (Chip Authentication, then
// Active Authentication over the nonce) still binds the read, as the forgeries below must not.
TEST(ForgedBundleTest, HonestBundleOfAChipAuthenticationCardBindsTheNonce) {
    evidence::Reverification again =
        reverified(evidence::makeBundle(readOf("vn-basic", ServerNonce)), ServerNonce);

    EXPECT_EQ(again.activeAuthentication, evidence::ReverificationMethod::Recomputed);
    EXPECT_EQ(again.challenge, ChallengeCheck::Matches);
    EXPECT_EQ(again.document.chipVerdict(), reader::ChipVerdict::Genuine);
    EXPECT_TRUE(again.verified());
}

// An Active Authentication that records the server's nonce but no signature the verifier can
// check (a refusal, "not offered", an error) shows nothing about the chip: the nonce is just
// text the client wrote.
TEST(ForgedBundleTest, NonceWithoutACheckedSignatureDoesNotBindTheRead) {
    const std::vector<std::pair<ActiveAuthenticationStatus, ActiveAuthenticationReason>> outcomes =
        {
            {ActiveAuthenticationStatus::NotOffered, ActiveAuthenticationReason::None},
            {ActiveAuthenticationStatus::Error, ActiveAuthenticationReason::UnsupportedKey},
            {ActiveAuthenticationStatus::Error, ActiveAuthenticationReason::UnsupportedAlgorithm},
        };
    for (const auto& [status, reason] : outcomes) {
        evidence::EvidenceBundle forged = copiedFiles();
        ASSERT_TRUE(forged.readout.chipAuthentication->passed());
        verify::ActiveAuthenticationResult aa;
        aa.status = status;
        aa.reason = reason;
        aa.challenge = ServerNonce;
        forged.readout.activeAuthentication = aa;
        evidence::Reverification again = reverified(forged, ServerNonce);

        EXPECT_NE(again.challenge, ChallengeCheck::Matches) << static_cast<int>(status);
        EXPECT_EQ(again.document.chipVerdict(), reader::ChipVerdict::PossibleClone);
        EXPECT_FALSE(again.verified()) << static_cast<int>(status);
        EXPECT_FALSE(evidence::toJson(again)["verified"].get<bool>());
    }
}

// The same with DG15 left out, so that a made-up signature cannot be checked at all.
TEST(ForgedBundleTest, NonceWithAnUncheckableSignatureDoesNotBindTheRead) {
    evidence::BundleOptions options;
    options.dataGroups = std::vector<int>{1, 2, 13, 14};
    evidence::EvidenceBundle forged = evidence::makeBundle(readOf("vn-basic"), options);
    verify::ActiveAuthenticationResult aa;
    aa.status = ActiveAuthenticationStatus::Error;
    aa.reason = ActiveAuthenticationReason::UnsupportedKey;
    aa.challenge = ServerNonce;
    aa.signature = Bytes(256, 0x5A);
    forged.readout.activeAuthentication = aa;
    evidence::Reverification again = reverified(forged, ServerNonce);

    EXPECT_EQ(again.activeAuthentication, evidence::ReverificationMethod::NotReverifiable);
    EXPECT_NE(again.challenge, ChallengeCheck::Matches);
    EXPECT_FALSE(again.verified());
}

// Passes from the start; kept: a pass over the nonce recorded with DG15 left out is not a
// signature the verifier checked.
TEST(ForgedBundleTest, RecordedPassOverTheNonceWithoutDg15DoesNotBindTheRead) {
    evidence::BundleOptions options;
    options.dataGroups = std::vector<int>{1, 2, 13, 14};
    evidence::EvidenceBundle forged =
        evidence::makeBundle(readOf("vn-basic", ServerNonce), options);
    ASSERT_TRUE(forged.readout.activeAuthentication->passed());
    evidence::Reverification again = reverified(forged, ServerNonce);

    EXPECT_NE(again.challenge, ChallengeCheck::Matches);
    EXPECT_FALSE(again.verified());
}

// Passes from the start; kept: the nonce signed by another genuine card the forger owns,
// transplanted with that card's DG15 onto the victim's files, breaks Passive Authentication.
TEST(ForgedBundleTest, NonceSignedByAnotherCardWithItsDg15DoesNotVerify) {
    evidence::EvidenceBundle forged = copiedFiles();
    reader::CardReadout own = readOf("bac-only", ServerNonce);
    ASSERT_TRUE(own.activeAuthentication && own.activeAuthentication->passed());
    forged.readout.dataGroups[15] = own.dataGroups.at(15);
    forged.readout.activeAuthentication = own.activeAuthentication;
    evidence::Reverification again = reverified(forged, ServerNonce);

    EXPECT_EQ(again.document.passiveAuthentication.verdict, verify::Verdict::Invalid);
    EXPECT_FALSE(again.verified());
}

// Passes from the start; kept: the other card's signature with the victim's own DG15 fails.
TEST(ForgedBundleTest, NonceSignedByAnotherCardWithTheVictimsDg15Fails) {
    evidence::EvidenceBundle forged = copiedFiles();
    ASSERT_TRUE(forged.readout.dataGroups.contains(15));
    reader::CardReadout own = readOf("bac-only", ServerNonce);
    forged.readout.activeAuthentication = own.activeAuthentication;
    evidence::Reverification again = reverified(forged, ServerNonce);

    EXPECT_EQ(again.document.chipVerdict(), reader::ChipVerdict::PossibleClone);
    EXPECT_FALSE(again.verified());
}

// Passes from the start; kept: a data group the victim's EF.SOD does not hash (here a copy of
// DG1 as DG16) makes Passive Authentication fail rather than being ignored.
TEST(ForgedBundleTest, DataGroupTheSodDoesNotHashFailsPassiveAuthentication) {
    evidence::EvidenceBundle forged = copiedFiles();
    forged.readout.dataGroups[16] = forged.readout.dataGroups.at(1);
    evidence::Reverification again = reverified(forged);

    EXPECT_EQ(again.document.passiveAuthentication.verdict, verify::Verdict::Invalid);
    EXPECT_FALSE(again.verified());
}

// Passes from the start; kept: EF.COM listing DG11 where EF.SOD hashes DG14 is caught.
TEST(ForgedBundleTest, EfComThatDisagreesWithTheSodDoesNotVerify) {
    evidence::EvidenceBundle forged = copiedFiles();
    Bytes& efCom = forged.readout.efCom;
    ASSERT_EQ(efCom.back(), 0x6E); // DG14's tag closes vn-basic's list
    efCom.back() = 0x6B;
    evidence::Reverification again = reverified(forged);

    EXPECT_EQ(again.document.dataGroupListCheck(), reader::DataGroupListCheck::Differs);
    EXPECT_FALSE(again.verified());
}

// Passes from the start; kept: a PACE-CAM pass claimed without EF.CardSecurity.
TEST(ForgedBundleTest, CamPassWithoutCardSecurityOnFilesOfAnotherCardFails) {
    evidence::EvidenceBundle forged = copiedFiles();
    reader::ChipAuthenticationMappingResult cam;
    cam.status = reader::ChipAuthenticationMappingStatus::Passed;
    cam.reason = reader::ChipAuthenticationMappingReason::None;
    forged.readout.chipAuthenticationMapping = cam;
    forged.readout.chipAuthentication.reset();
    EXPECT_FALSE(reverified(forged).verified());
}

// --- the text of the bundle ---

// A skipped file's reason is one the reader gives; any other is refused like an unknown status
// (docs/evidence-bundle.md, "Rules for readers").
TEST(ForgedBundleTest, UnknownSkipReasonIsMalformed) {
    Json forged = bundleJson(copiedFiles());
    forged["files_skipped"] = Json::array({{{"file", "DG3"}, {"reason", "whatever"}}});
    EXPECT_EQ(parseError(forged.dump()), ErrorCode::MalformedData);
}

// A data group is read, skipped by the card or left out by the caller, once: a bundle that
// holds DG2 and says the card withheld it, or names a group twice, gives two answers.
TEST(ForgedBundleTest, DataGroupNamedTwiceIsMalformed) {
    evidence::BundleOptions options;
    options.dataGroups = std::vector<int>{1, 13, 14, 15};
    const Json good = bundleJson(evidence::makeBundle(readOf("vn-basic"), options));
    ASSERT_EQ(good["data_groups_left_out"], Json::array({2}));
    auto skipped = [](int dg, const char* reason) {
        return Json{{"file", "DG" + std::to_string(dg)}, {"reason", reason}};
    };
    const std::vector<std::pair<std::string, std::function<void(Json&)>>> cases = {
        {"read and skipped",
         [&](Json& b) { b["files_skipped"].push_back(skipped(1, "not_found")); }},
        {"left out and skipped",
         [&](Json& b) { b["files_skipped"].push_back(skipped(2, "access_denied")); }},
        {"skipped twice",
         [&](Json& b) {
             b["files_skipped"].push_back(skipped(11, "not_found"));
             b["files_skipped"].push_back(skipped(11, "access_denied"));
         }},
        {"left out twice",
         [](Json& b) {
             b["data_groups_left_out"] = {2, 2};
         }},
    };
    for (const auto& [name, change] : cases) {
        Json forged = good;
        change(forged);
        EXPECT_EQ(parseError(forged.dump()), ErrorCode::MalformedData) << name;
    }
}

// The access names are those of card.access_protocol and card.access_password
// (docs/json-output.md): another one would reach the re-verified JSON outside its schema.
TEST(ForgedBundleTest, UnknownAccessNamesAreMalformed) {
    const Json good = bundleJson(copiedFiles());
    for (const char* member : {"protocol", "password"}) {
        Json forged = good;
        forged["access"][member] = "<b>PACE</b>";
        EXPECT_EQ(parseError(forged.dump()), ErrorCode::MalformedData) << member;
    }
}

// Every JSON value costs memory far beyond its text (16 MiB of nested arrays took 1.6 GB):
// the reader refuses more values than any bundle holds, however they are nested, also under a
// member it does not know and would ignore.
TEST(ForgedBundleTest, MoreValuesThanAnyBundleHoldsAreMalformed) {
    std::string text = bundleJson(copiedFiles()).dump();
    text.pop_back();
    std::string wide = "[0";
    for (int i = 0; i < 100000; ++i) {
        wide += ",0";
    }
    wide += "]";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"deep", std::string(100000, '[') + std::string(100000, ']')},
        {"wide", wide},
    };
    for (const auto& [name, value] : cases) {
        EXPECT_EQ(parseError(text + ",\"x\":" + value + "}"), ErrorCode::MalformedData) << name;
    }
    EXPECT_EQ(evidence::parseBundle(text + ",\"x\":[0,0,0]}").readout.dataGroups.size(),
              copiedFiles().readout.dataGroups.size());
}

// Passes from the start; kept: wrong types, out-of-range numbers, bad text and base64 tricks.
TEST(ForgedBundleTest, HostileValuesAreMalformedData) {
    const Json good = bundleJson(copiedFiles());
    auto changed = [&good](const std::function<void(Json&)>& change) {
        Json bundle = good;
        change(bundle);
        return bundle.dump();
    };
    auto raw = [&good](const std::string& member, const std::string& value) {
        Json bundle = good;
        bundle.erase(member);
        std::string text = bundle.dump();
        text.pop_back();
        return text + ",\"" + member + "\":" + value + "}";
    };
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"version 1.0", raw("version", "1.0")},
        {"status word negative",
         changed([](Json& b) { b["chip_authentication"]["status_word"] = -1; })},
        {"status word float",
         changed([](Json& b) { b["chip_authentication"]["status_word"] = 36864.0; })},
        {"key id over 64 bits", raw("chip_authentication",
                                    [&good] {
                                        std::string ca = good["chip_authentication"].dump();
                                        std::string key = "\"key_id\":null";
                                        return ca.replace(ca.find(key), key.size(),
                                                          "\"key_id\":18446744073709551616");
                                    }())},
        {"parameter id negative", changed([](Json& b) { b["access"]["pace_parameter_id"] = -13; })},
        {"left out as text", changed([](Json& b) { b["data_groups_left_out"] = {"2"}; })},
        {"left out DG17", changed([](Json& b) { b["data_groups_left_out"] = {17}; })},
        {"left out negative", changed([](Json& b) { b["data_groups_left_out"] = {-2}; })},
        {"files as array", changed([](Json& b) { b["files"] = Json::array(); })},
        {"boolean as number",
         changed([](Json& b) { b["access"]["pace_explicit_domain_parameters"] = 0; })},
        {"invalid UTF-8", raw("read_time", "\"2026-12-05\xC3\x28\"")},
        {"lone surrogate", raw("read_time", "\"\\uD800\"")},
        {"DG1 twice by escape",
         [&good] {
             std::string text = good.dump();
             std::string files = "\"files\":{";
             std::string dg1 = good["files"]["DG1"];
             return text.replace(text.find(files), files.size(),
                                 files + "\"DG\\u0031\":\"" + dg1 + "\",");
         }()},
        {"duplicate in access",
         [&good] {
             std::string text = good.dump();
             std::string access = "\"access\":{";
             return text.replace(text.find(access), access.size(),
                                 access + "\"password\":\"CAN\",");
         }()},
        {"base64 with a line break", changed([](Json& b) {
             std::string dg1 = b["files"]["DG1"];
             b["files"]["DG1"] = dg1.substr(0, 4) + "\n" + dg1.substr(4);
         })},
        {"base64 with a space", changed([](Json& b) {
             std::string dg1 = b["files"]["DG1"];
             b["files"]["DG1"] = dg1.substr(0, 4) + " " + dg1.substr(4, dg1.size() - 5);
         })},
        {"base64 URL alphabet", changed([](Json& b) { b["atr"] = "-_-_"; })},
        {"base64 padding only", changed([](Json& b) { b["atr"] = "===="; })},
        {"base64 padding inside", changed([](Json& b) { b["atr"] = "AA==AAAA"; })},
        {"base64 three pads", changed([](Json& b) { b["atr"] = "A==="; })},
        {"base64 without padding", changed([](Json& b) { b["atr"] = "AA"; })},
        {"base64 spare bits set", changed([](Json& b) { b["atr"] = "AB=="; })},
    };
    for (const auto& [name, text] : cases) {
        EXPECT_EQ(parseError(text), ErrorCode::MalformedData) << name;
    }
}

// --- what makeBundle writes ---

// Passes from the start; kept: a choice keeps nothing outside it, not even a number the read did
// not bring, and no key: the bundle of DG14 alone holds no personal data group.
TEST(ForgedBundleTest, BundleHoldsNoDataGroupOutsideTheChoice) {
    reader::CardReadout readout = readOf("vn-basic");
    evidence::BundleOptions options;
    options.dataGroups = std::vector<int>{14, 3, 0, -1, 99};
    evidence::EvidenceBundle bundle = evidence::makeBundle(readout, options);

    ASSERT_EQ(bundle.readout.dataGroups.size(), 1U);
    EXPECT_TRUE(bundle.readout.dataGroups.contains(14));
    EXPECT_FALSE(bundle.readout.mrzKey.has_value());
    EXPECT_TRUE(bundle.readout.access.chipEphemeralPublicKey.empty());
    const std::string text = evidence::serializeBundle(bundle);
    Json files = Json::parse(text)["files"];
    for (const auto& [name, value] : files.items()) {
        EXPECT_TRUE(name.rfind("EF.", 0) == 0 || name == "DG14") << name;
    }
    EXPECT_EQ(text.find(readout.mrzKey->documentNumber()), std::string::npos);
}

// --- damaged files: a result, never an exception ---

// Passes from the start; kept: every file of the bundle changed byte by byte (flipped, cut)
// re-verifies without an exception, never as verified, and its JSON is valid UTF-8 as
// cccd-verify writes it (a strict dump throws on anything else).
TEST(ForgedBundleTest, DamagedFilesGiveAResultNeverAnException) {
    const evidence::EvidenceBundle good = evidence::makeBundle(readOf("pace-cam-p256"));
    const evidence::EvidenceBundle aa = evidence::makeBundle(readOf("aa-ecdsa", ServerNonce));
    auto check = [](const evidence::EvidenceBundle& bundle, const std::string& what) {
        try {
            evidence::Reverification again = reverified(bundle, ServerNonce);
            EXPECT_FALSE(again.verified()) << what;
            (void)evidence::toJson(again).dump(2);
        } catch (const std::exception& e) {
            ADD_FAILURE() << what << ": " << e.what();
        }
    };
    for (const evidence::EvidenceBundle* base : {&good, &aa}) {
        std::vector<std::pair<std::string, Bytes reader::CardReadout::*>> files = {
            {"EF.COM", &reader::CardReadout::efCom},
            {"EF.SOD", &reader::CardReadout::efSod},
            {"EF.CardSecurity", &reader::CardReadout::efCardSecurity},
        };
        for (const auto& [name, file] : files) {
            const Bytes& bytes = base->readout.*file;
            for (std::size_t i = 0; i < bytes.size(); i += 1 + bytes.size() / 10) {
                evidence::EvidenceBundle flipped = *base;
                (flipped.readout.*file)[i] ^= 0x80;
                check(flipped, name + " flipped at " + std::to_string(i));
                evidence::EvidenceBundle cut = *base;
                (cut.readout.*file).resize(i);
                check(cut, name + " cut at " + std::to_string(i));
            }
        }
        for (const auto& [dg, bytes] : base->readout.dataGroups) {
            const std::string name = "DG" + std::to_string(dg);
            for (std::size_t i = 0; i < bytes.size(); i += 1 + bytes.size() / 10) {
                evidence::EvidenceBundle flipped = *base;
                flipped.readout.dataGroups.at(dg)[i] ^= 0x80;
                check(flipped, name + " flipped at " + std::to_string(i));
                evidence::EvidenceBundle cut = *base;
                cut.readout.dataGroups.at(dg).resize(i);
                check(cut, name + " cut at " + std::to_string(i));
            }
        }
    }
}
