#include "base/SecureBytes.h"
#include "capi/Handles.h"
#include "capi/Status.h"

using cccd::capi::checked;

extern "C" {

void cccd_result_free(cccd_result* result) {
    if (result == nullptr) {
        return;
    }
    cccd::wipe(result->json);
    cccd::wipe(result->verificationJson);
    delete result;
}

const char* cccd_result_json(const cccd_result* result) {
    return result == nullptr ? nullptr : result->json.c_str();
}

const char* cccd_result_verification_json(const cccd_result* result) {
    return result == nullptr ? nullptr : result->verificationJson.c_str();
}

int cccd_result_verified(const cccd_result* result) {
    return result != nullptr && result->document.verified() ? 1 : 0;
}

cccd_status cccd_result_portrait(const cccd_result* result, const uint8_t** data, size_t* size) {
    return checked(
        [&] {
            *data = nullptr;
            *size = 0;
            if (const cccd::lds::FaceImage* face = result->document.portrait()) {
                if (!face->image.empty()) {
                    *data = face->image.data();
                    *size = face->image.size();
                }
            }
        },
        result, data, size);
}

size_t cccd_result_problem_count(const cccd_result* result) {
    return result == nullptr ? 0 : result->problems.size();
}

const char* cccd_result_problem(const cccd_result* result, size_t index) {
    if (result == nullptr || index >= result->problems.size()) {
        return nullptr;
    }
    return result->problems[index].code.c_str();
}

const char* cccd_result_problem_file(const cccd_result* result, size_t index) {
    if (result == nullptr || index >= result->problems.size()) {
        return nullptr;
    }
    return result->problems[index].file.c_str();
}

} // extern "C"
