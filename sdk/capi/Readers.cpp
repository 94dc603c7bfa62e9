#include <algorithm>
#include <memory>
#include <string>

#include "capi/Handles.h"
#include "capi/Status.h"
#include "pcsc/PcscContext.h"

using cccd::capi::checked;

extern "C" {

cccd_status cccd_list_readers(cccd_reader_list** out) {
    return checked(
        [&] {
            *out = nullptr;
            const cccd::pcsc::PcscContext context;
            auto list = std::make_unique<cccd_reader_list>();
            list->names = context.readers();
            // A second listing: a reader attached in between counts as one without a card.
            const std::vector<std::string> withCard = context.readersWithCard();
            for (const std::string& name : list->names) {
                list->hasCard.push_back(std::find(withCard.begin(), withCard.end(), name) !=
                                        withCard.end());
            }
            *out = list.release();
        },
        out);
}

void cccd_reader_list_free(cccd_reader_list* list) {
    delete list;
}

size_t cccd_reader_list_count(const cccd_reader_list* list) {
    return list == nullptr ? 0 : list->names.size();
}

const char* cccd_reader_list_name(const cccd_reader_list* list, size_t index) {
    if (list == nullptr || index >= list->names.size()) {
        return nullptr;
    }
    return list->names[index].c_str();
}

int cccd_reader_list_has_card(const cccd_reader_list* list, size_t index) {
    return list != nullptr && index < list->hasCard.size() && list->hasCard[index] ? 1 : 0;
}

} // extern "C"
