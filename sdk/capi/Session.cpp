#include <string>
#include <utility>

#include "capi/Handles.h"
#include "capi/Status.h"
#include "json/DocumentJson.h"
#include "mrz/Mrz.h"
#include "mrz/MrzKey.h"
#include "pcsc/PcscContext.h"
#include "reader/CardReader.h"

namespace cccd::capi {
namespace {

/// Clears a session's cancel flag when its read ends, however it ends.
class CancelReset {
public:
    explicit CancelReset(reader::CancelFlag& flag) : m_flag(flag) {}

    ~CancelReset() { m_flag = false; }

    CancelReset(const CancelReset&) = delete;
    CancelReset& operator=(const CancelReset&) = delete;

private:
    reader::CancelFlag& m_flag;
};

reader::ReadOptions readOptions(cccd_session& session, const ContextSettings& settings,
                                unsigned& sequence) {
    reader::ReadOptions options;
    options.dataGroups = settings.dataGroups;
    options.accessPolicy = settings.accessPolicy;
    options.authenticateChip = settings.authenticateChip;
    options.activeAuthenticationChallenge = session.activeAuthenticationChallenge;
    options.cancel = &session.cancel;
    if (session.progress != nullptr) {
        options.onProgress = [&session, &sequence](const reader::ReadProgress& progress) {
            session.progress(session.progressUser, progress.file.c_str(), progress.bytesRead,
                             progress.totalBytes, ++sequence);
        };
    }
    return options;
}

std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void read(cccd_session& session, cccd_result*& out) {
    CancelReset reset(session.cancel);
    if (session.cancel) {
        throw Error(ErrorCode::Cancelled, "the read was cancelled before it started");
    }
    if (!session.key.hasMrz() && !session.key.hasCan()) {
        throw Error(ErrorCode::InvalidArgument, "no access key: set the MRZ key or the CAN");
    }
    const ContextSettings settings = session.context->snapshot();
    unsigned sequence = 0;
    const reader::ReadOptions options = readOptions(session, settings, sequence);

    auto result = std::make_unique<cccd_result>();
    result->document = reader::interpret(reader::readCard(*session.channel, session.key, options),
                                         *settings.trustStore);
    const nlohmann::json output = json::documentToJson(result->document);
    result->json = dump(output);
    result->verificationJson = dump(output.at("verification"));
    result->problems = problemsOf(result->document);
    out = result.release();
}

/// A PC/SC channel to the card in `name`, or in the first reader holding one.
cccd_session* openPcsc(const cccd_context& context, const char* name) {
    auto pcscContext = std::make_shared<pcsc::PcscContext>();
    std::string reader;
    if (name != nullptr) {
        reader = name;
    } else {
        const std::vector<std::string> withCard = pcscContext->readersWithCard();
        if (withCard.empty()) {
            throw Error(pcscContext->readers().empty() ? ErrorCode::NoReader : ErrorCode::NoCard,
                        "no reader holds a card");
        }
        reader = withCard.front();
    }
    std::unique_ptr<transport::CardChannel> channel = pcscContext->connect(reader);
    return newSession(context, std::move(channel), std::move(pcscContext));
}

} // namespace

cccd_session* newSession(const cccd_context& context,
                         std::unique_ptr<transport::CardChannel> channel,
                         std::shared_ptr<void> channelOwner) {
    auto session = std::make_unique<cccd_session>();
    session->context = context.state;
    session->channelOwner = std::move(channelOwner);
    session->channel = std::move(channel);
    return session.release();
}

} // namespace cccd::capi

using cccd::capi::checked;

extern "C" {

cccd_status cccd_session_open_pcsc(cccd_context* context, const char* reader, cccd_session** out) {
    return checked([&] { *out = cccd::capi::openPcsc(*context, reader); }, context, out);
}

void cccd_session_free(cccd_session* session) {
    delete session;
}

cccd_status cccd_session_set_mrz_key(cccd_session* session, const char* document_number,
                                     const char* birth_date, const char* expiry_date) {
    return checked(
        [&] { session->key.mrz = cccd::mrz::MrzKey(document_number, birth_date, expiry_date); },
        session, document_number, birth_date, expiry_date);
}

cccd_status cccd_session_set_mrz(cccd_session* session, const char* mrz) {
    return checked(
        [&] { session->key.mrz = cccd::mrz::MrzKey::fromMrz(cccd::mrz::Mrz::parse(mrz)); }, session,
        mrz);
}

cccd_status cccd_session_set_can(cccd_session* session, const char* can) {
    return checked([&] { session->key.can = cccd::reader::AccessKey::fromCan(can).can; }, session,
                   can);
}

cccd_status cccd_session_set_aa_challenge(cccd_session* session, const uint8_t* challenge,
                                          size_t size) {
    return checked(
        [&] {
            if (size == 0) {
                session->activeAuthenticationChallenge.clear();
                return;
            }
            if (size != 8 || challenge == nullptr) {
                throw cccd::Error(cccd::ErrorCode::InvalidArgument,
                                  "the Active Authentication challenge is 8 bytes");
            }
            session->activeAuthenticationChallenge.assign(challenge, challenge + size);
        },
        session);
}

cccd_status cccd_session_set_progress_callback(cccd_session* session, cccd_progress_fn callback,
                                               void* user) {
    return checked(
        [&] {
            session->progress = callback;
            session->progressUser = user;
        },
        session);
}

cccd_status cccd_session_read(cccd_session* session, cccd_result** out) {
    return checked(
        [&] {
            *out = nullptr;
            cccd::capi::read(*session, *out);
        },
        session, out);
}

cccd_status cccd_session_cancel(cccd_session* session) {
    return checked([&] { session->cancel = true; }, session);
}

} // extern "C"
