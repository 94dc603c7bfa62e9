// The shipped forms load, name only known citizen attributes, and are found by what a clerk
// types, with or without diacritics; a broken form is refused with its file named.
#include <fstream>

#include <gtest/gtest.h>

#include "KioskTestSupport.h"
#include "base/Error.h"

using namespace cccd;
using namespace cccd::kiosk;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> ids(const std::vector<const FormDefinition*>& forms) {
    std::vector<std::string> out;
    for (const FormDefinition* f : forms) {
        out.push_back(f->id);
    }
    return out;
}

fs::path scratch() {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    fs::path dir = fs::path(testing::TempDir()) / ("cccd-forms-" + std::string(info->name()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

} // namespace

TEST(FormCatalogTest, ShipsTheRequiredForms) {
    FormCatalog catalog = kiosktest::shippedForms();
    for (const char* id :
         {"ct01", "birth-registration", "death-registration", "tk1-ts", "bank-kyc"}) {
        const FormDefinition* form = catalog.find(id);
        ASSERT_NE(form, nullptr) << id;
        EXPECT_FALSE(form->title.vi.empty());
        EXPECT_FALSE(form->title.en.empty());
        EXPECT_FALSE(form->legalBasis.vi.empty()) << id;
        EXPECT_FALSE(form->fields().empty());
        // Every chip address comes with a field for it in today's units, required.
        for (const FormField* field : form->fields()) {
            if (field->source == "place_of_residence" || field->source == "place_of_origin") {
                const FormField* today = form->currentAddressField(field->id);
                ASSERT_NE(today, nullptr) << id << "." << field->id;
                EXPECT_TRUE(today->required) << id << "." << today->id;
                EXPECT_FALSE(today->fromChip());
            }
        }
    }
    ASSERT_EQ(catalog.groups().size(), 2u);
    EXPECT_EQ(catalog.groups()[0].formIds,
              (std::vector<std::string>{"birth-registration", "ct01", "tk1-ts"}));
}

TEST(FormCatalogTest, SearchIgnoresDiacriticsAndCase) {
    FormCatalog catalog = kiosktest::shippedForms();
    EXPECT_EQ(ids(catalog.search("khai sinh")), std::vector<std::string>{"birth-registration"});
    EXPECT_EQ(ids(catalog.search("KHAI TỬ")), std::vector<std::string>{"death-registration"});
    EXPECT_EQ(ids(catalog.search("thuong tru")), std::vector<std::string>{"ct01"});
    EXPECT_EQ(ids(catalog.search("bảo hiểm y tế")), std::vector<std::string>{"tk1-ts"});
    EXPECT_EQ(ids(catalog.search("ct01")), std::vector<std::string>{"ct01"});
    EXPECT_EQ(ids(catalog.search("bank account")), std::vector<std::string>{"bank-kyc"});
    EXPECT_EQ(catalog.search("").size(), catalog.forms().size());
    EXPECT_TRUE(catalog.search("hộ chiếu ngoại giao").empty());
}

TEST(FormCatalogTest, AddingAFormNeedsNoCode) {
    fs::path dir = scratch();
    fs::copy(test::sourceDir() / "kiosk/forms/ct01.json", dir / "ct01.json");
    std::ofstream(dir / "marriage.json") << R"({
        "id": "marriage", "code": "TK-KH",
        "title": {"vi": "Tờ khai đăng ký kết hôn", "en": "Marriage registration"},
        "sections": [{"title": "Bên nữ", "fields": [
            {"id": "name", "label": "Họ tên", "source": "full_name"},
            {"id": "date", "label": "Ngày", "type": "date", "required": true}]}]})";
    FormCatalog catalog = FormCatalog::load(dir);
    EXPECT_EQ(ids(catalog.search("ket hon")), std::vector<std::string>{"marriage"});
}

TEST(FormCatalogTest, BrokenFormsAreRefusedByName) {
    auto loadError = [](const std::string& json) {
        fs::path dir = scratch();
        std::ofstream(dir / "broken.json") << json;
        try {
            (void)FormCatalog::load(dir);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("loaded");
    };
    std::string head = R"({"id": "broken", "title": "T", "sections": [{"title": "S", "fields": )";
    EXPECT_NE(loadError("{").find("broken.json"), std::string::npos);
    EXPECT_NE(loadError(head + R"([{"label": "x"}]}]})").find("without \"id\""), std::string::npos);
    EXPECT_NE(loadError(head + R"([{"id": "a", "label": "x", "source": "salary"}]}]})")
                  .find("unknown citizen attribute"),
              std::string::npos);
    EXPECT_NE(loadError(head + R"([{"id": "a", "label": "x", "type": "colour"}]}]})")
                  .find("unknown field type"),
              std::string::npos);
    EXPECT_NE(loadError(head + R"([{"id": "a", "label": "x"}, {"id": "a", "label": "y"}]}]})")
                  .find("duplicate"),
              std::string::npos);
    EXPECT_NE(
        loadError(head + R"([{"id": "a", "label": "x", "type": "choice"}]}]})").find("options"),
        std::string::npos);
    std::string address = R"({"id": "home", "label": "x", "source": "place_of_residence"}, )";
    EXPECT_NE(loadError(head + "[" + address +
                        R"({"id": "a", "label": "x", "current_of": "nowhere"}]}]})")
                  .find("current_of"),
              std::string::npos);
    EXPECT_NE(loadError(head + R"([{"id": "a", "label": "x", "current_of": "home"}, )" +
                        R"({"id": "home", "label": "x", "source": "place_of_residence"}]}]})")
                  .find("earlier field"),
              std::string::npos)
        << "the address as on the card comes first";
    EXPECT_NE(loadError(head + R"([{"id": "n", "label": "x", "source": "full_name"}, )" +
                        R"({"id": "a", "label": "x", "current_of": "n"}]}]})")
                  .find("place_of_residence"),
              std::string::npos)
        << "only an address converts";
    EXPECT_NE(loadError(head + "[" + address +
                        R"({"id": "a", "label": "x", "current_of": "home"}, )" +
                        R"({"id": "b", "label": "x", "current_of": "home"}]}]})")
                  .find("two current-address"),
              std::string::npos);
    EXPECT_NE(loadError(head + "[" + address +
                        R"({"id": "a", "label": "x", "current_of": "home", "type": "date"}]}]})")
                  .find("text field"),
              std::string::npos);
    EXPECT_NE(loadError(R"({"id": "other", "title": "T", "sections": [{"title": "S"}]})")
                  .find("file name"),
              std::string::npos);
}
