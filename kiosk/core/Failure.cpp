#include "kiosk/core/Failure.h"

namespace cccd::kiosk {

std::string_view failureName(FailureReason reason) {
    switch (reason) {
    case FailureReason::WrongKey:
        return "access_denied";
    case FailureReason::UnknownCsca:
        return "unknown_csca";
    case FailureReason::NotVerified:
        return "not_verified";
    case FailureReason::NotGenuine:
        return "possible_clone";
    case FailureReason::Expired:
        return "expired";
    case FailureReason::QrMismatch:
        return "qr_mismatch";
    case FailureReason::CardRemovedDuringRead:
        return "card_removed";
    case FailureReason::ReaderUnplugged:
        return "reader_unplugged";
    case FailureReason::Timeout:
        return "read_timeout";
    case FailureReason::ReadError:
        return "read_error";
    }
    return "read_error";
}

LocalizedText failureCause(FailureReason reason) {
    switch (reason) {
    case FailureReason::WrongKey:
        return {"Khóa truy cập không mở được thẻ: số định danh nhập sai hoặc mã QR của thẻ khác.",
                "The access key does not open the card: a mistyped ID number or another card's "
                "QR code."};
    case FailureReason::UnknownCsca:
        return {"Dữ liệu có chữ ký hợp lệ nhưng cơ quan cấp (CSCA) không có trong kho tin cậy.",
                "The data is validly signed, but the issuing authority (CSCA) is not in the "
                "trust store."};
    case FailureReason::NotVerified:
        return {"Chữ ký số hoặc giá trị băm của dữ liệu không khớp: dữ liệu đã bị thay đổi.",
                "A signature or hash of the data does not verify: the data was altered."};
    case FailureReason::NotGenuine:
        return {"Chip không chứng minh được là chip thật (có thể là thẻ sao chép).",
                "The chip failed to prove it is genuine (possibly a cloned card)."};
    case FailureReason::Expired:
        return {"Thẻ đã hết hạn sử dụng.", "The card has expired."};
    case FailureReason::QrMismatch:
        return {"Mã QR in trên thẻ không khớp với dữ liệu trong chip.",
                "The QR code printed on the card does not match the chip's data."};
    case FailureReason::CardRemovedDuringRead:
        return {"Thẻ bị nhấc ra khi đang đọc.", "The card was removed during the read."};
    case FailureReason::ReaderUnplugged:
        return {"Không tìm thấy đầu đọc thẻ.", "The card reader is not connected."};
    case FailureReason::Timeout:
        return {"Đọc thẻ quá thời gian cho phép.", "Reading the card took too long."};
    case FailureReason::ReadError:
        return {"Không đọc được thẻ.", "The card could not be read."};
    }
    return {"Không đọc được thẻ.", "The card could not be read."};
}

LocalizedText failureRemedy(FailureReason reason) {
    switch (reason) {
    case FailureReason::WrongKey:
        return {"Quét lại mã QR trên chính thẻ này hoặc nhập lại số định danh 12 chữ số.",
                "Scan the QR code on this very card again, or retype the 12-digit ID number."};
    case FailureReason::UnknownCsca:
        return {"Không dùng thẻ này để xác thực; báo quản trị viên cập nhật kho tin cậy.",
                "Do not accept the card as proof; ask the administrator to update the trust "
                "store."};
    case FailureReason::NotVerified:
        return {"Không chấp nhận thẻ; đề nghị công dân liên hệ cơ quan Công an.",
                "Do not accept the card; refer the citizen to the police."};
    case FailureReason::NotGenuine:
        return {"Không chấp nhận thẻ; đối chiếu giấy tờ khác và báo cán bộ phụ trách.",
                "Do not accept the card; check other documents and inform the supervisor."};
    case FailureReason::Expired:
        return {"Đề nghị công dân làm thủ tục cấp đổi thẻ trước khi thực hiện thủ tục này.",
                "Ask the citizen to renew the card before this procedure."};
    case FailureReason::QrMismatch:
        return {"Không chấp nhận thẻ; kiểm tra lại mặt thẻ và chip với cán bộ phụ trách.",
                "Do not accept the card; have the supervisor examine the card and its chip."};
    case FailureReason::CardRemovedDuringRead:
        return {"Đặt lại thẻ lên đầu đọc và giữ yên; việc đọc sẽ tiếp tục.",
                "Put the card back on the reader and hold it still; the read resumes."};
    case FailureReason::ReaderUnplugged:
        return {"Cắm lại đầu đọc thẻ vào máy tính rồi đặt thẻ lên.",
                "Plug the card reader back in, then put the card on it."};
    case FailureReason::Timeout:
        return {"Đặt thẻ nằm giữa đầu đọc, giữ yên rồi thử lại.",
                "Place the card in the middle of the reader, hold it still and try again."};
    case FailureReason::ReadError:
        return {"Nhấc thẻ ra, đặt lại rồi thử lại; nếu vẫn lỗi hãy báo quản trị viên.",
                "Lift the card, put it back and try again; if it fails again, call the "
                "administrator."};
    }
    return {"Thử lại.", "Try again."};
}

std::optional<FailureReason> failureOf(ErrorCode code) {
    switch (code) {
    case ErrorCode::AccessDenied:
        return FailureReason::WrongKey;
    case ErrorCode::CardRemoved:
    case ErrorCode::NoCard:
        return FailureReason::CardRemovedDuringRead;
    case ErrorCode::ReaderUnplugged:
    case ErrorCode::NoReader:
        return FailureReason::ReaderUnplugged;
    case ErrorCode::Timeout:
        return FailureReason::Timeout;
    case ErrorCode::Cancelled:
        return std::nullopt;
    case ErrorCode::InvalidArgument:
    case ErrorCode::MalformedData:
    case ErrorCode::Crypto:
    case ErrorCode::SharingViolation:
    case ErrorCode::Transport:
    case ErrorCode::CardStatus:
    case ErrorCode::SecureMessaging:
    case ErrorCode::FileNotFound:
    case ErrorCode::SecurityStatus:
    case ErrorCode::NotSupported:
    case ErrorCode::Io:
        return FailureReason::ReadError;
    }
    return FailureReason::ReadError;
}

} // namespace cccd::kiosk
