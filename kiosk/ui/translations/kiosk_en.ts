<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>cccd::kiosk::ui::AdminScreen</name>
    <message>
        <source>Nhập mã PIN quản trị</source>
        <translation>Enter the admin PIN</translation>
    </message>
    <message>
        <source>Mở</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Đầu đọc (trống: đầu đọc đầu tiên có thẻ)</source>
        <translation>Reader (empty: the first reader with a card)</translation>
    </message>
    <message>
        <source>Camera (số thiết bị)</source>
        <translation>Camera (device number)</translation>
    </message>
    <message>
        <source>Kho tin cậy (tệp CSCA hoặc danh sách chủ, ngăn cách bằng ;)</source>
        <translation>Trust store (CSCA files or master lists, separated by ;)</translation>
    </message>
    <message>
        <source>Thời gian đọc thẻ tối đa (giây)</source>
        <translation>Longest card read (seconds)</translation>
    </message>
    <message>
        <source>Mã quầy</source>
        <translation>Counter ID</translation>
    </message>
    <message>
        <source>Mã cán bộ</source>
        <translation>Clerk ID</translation>
    </message>
    <message>
        <source>Thư mục biểu mẫu</source>
        <translation>Forms folder</translation>
    </message>
    <message>
        <source>Thư mục xuất</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <source>Địa chỉ gửi (HTTP)</source>
        <translation>Endpoint (HTTP)</translation>
    </message>
    <message>
        <source>Thời gian chờ (giây)</source>
        <translation>Idle timeout (seconds)</translation>
    </message>
    <message>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Lưu cài đặt</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>◀ Quay lại</source>
        <translation>◀ Back</translation>
    </message>
    <message numerus="yes">
        <source>Mã PIN không đúng. Còn %n lần thử.</source>
        <translation>
            <numerusform>Wrong PIN. %n try left.</numerusform>
            <numerusform>Wrong PIN. %n tries left.</numerusform>
        </translation>
    </message>
    <message>
        <source>Đã nhập sai mã PIN %1 lần liên tiếp. Thử lại sau %2.</source>
        <translation>Wrong PIN %1 times in a row. Try again in %2.</translation>
    </message>
    <message>
        <source>⌫ Xóa</source>
        <translation>⌫ Delete</translation>
    </message>
    <message>
        <source>Xóa hết</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Tệp khóa nhật ký (chỉ xem)</source>
        <translation>Audit log key file (read-only)</translation>
    </message>
    <message>
        <source>mặc định: thư mục cấu hình của ứng dụng</source>
        <translation>default: the app's config folder</translation>
    </message>
    <message>
        <source>Cài đặt chưa hợp lệ: %1</source>
        <translation>Settings not valid: %1</translation>
    </message>
    <message>
        <source>Không ghi được tệp cài đặt.</source>
        <translation>Cannot write the settings file.</translation>
    </message>
    <message>
        <source>Đã lưu. Một số thay đổi có hiệu lực sau khi khởi động lại.</source>
        <translation>Saved. Some changes take effect after a restart.</translation>
    </message>
</context>
<context>
    <name>Attribute</name>
    <message>
        <source>Số định danh cá nhân</source>
        <translation>Personal ID number</translation>
    </message>
    <message>
        <source>Họ, chữ đệm và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Quốc tịch</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Dân tộc</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>Tôn giáo</source>
        <translation>Religion</translation>
    </message>
    <message>
        <source>Quê quán</source>
        <translation>Place of origin</translation>
    </message>
    <message>
        <source>Nơi thường trú</source>
        <translation>Place of residence</translation>
    </message>
    <message>
        <source>Đặc điểm nhận dạng</source>
        <translation>Identifying marks</translation>
    </message>
    <message>
        <source>Ngày cấp</source>
        <translation>Date of issue</translation>
    </message>
    <message>
        <source>Có giá trị đến</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Họ tên cha</source>
        <translation>Father's name</translation>
    </message>
    <message>
        <source>Họ tên mẹ</source>
        <translation>Mother's name</translation>
    </message>
    <message>
        <source>Họ tên vợ/chồng</source>
        <translation>Spouse's name</translation>
    </message>
    <message>
        <source>Số CMND cũ</source>
        <translation>Old ID number</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::CatalogScreen</name>
    <message>
        <source>Chọn thủ tục</source>
        <translation>Choose a procedure</translation>
    </message>
    <message>
        <source>Tìm theo mã hoặc tên thủ tục, có dấu hoặc không dấu</source>
        <translation>Search by code or name, with or without diacritics</translation>
    </message>
    <message>
        <source>Nhóm thủ tục liên thông: %1</source>
        <translation>Linked procedure groups: %1</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::ErrorScreen</name>
    <message>
        <source>Đã hiểu</source>
        <translation>Understood</translation>
    </message>
    <message>
        <source>Cách xử lý: %1</source>
        <translation>What to do: %1</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::FinishedScreen</name>
    <message>
        <source>Hoàn tất. Xin mời nhận lại thẻ.</source>
        <translation>Done. Please take your card.</translation>
    </message>
    <message>
        <source>Dữ liệu của công dân đã được xóa khỏi máy.</source>
        <translation>The citizen's data has been erased from this computer.</translation>
    </message>
    <message>
        <source>Phiên mới</source>
        <translation>New session</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::FormScreen</name>
    <message>
        <source>◀ Chọn thủ tục khác</source>
        <translation>◀ Another procedure</translation>
    </message>
    <message>
        <source>Xuất biểu mẫu ▶</source>
        <translation>Output the form ▶</translation>
    </message>
    <message>
        <source>Lấy từ chip, không sửa được</source>
        <translation>From the chip, cannot be changed</translation>
    </message>
    <message>
        <source>(từ chip)</source>
        <translation>(from the chip)</translation>
    </message>
    <message numerus="yes">
        <source>Còn %n trường cần điền hoặc sửa.</source>
        <translation>
            <numerusform>%n field left to fill or correct.</numerusform>
            <numerusform>%n fields left to fill or correct.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chưa có bảng đơn vị hành chính mới: hãy nhập địa chỉ hiện nay.</source>
        <translation>The new administrative unit tables are missing: type the current address.</translation>
    </message>
    <message>
        <source>Đã đổi sang đơn vị hành chính hiện nay; sửa nếu cần.</source>
        <translation>Converted to today's administrative units; correct it if needed.</translation>
    </message>
    <message>
        <source>Xã/phường cũ đã được chia: hỏi người dân rồi chọn một địa chỉ.</source>
        <translation>The old commune was split: ask the citizen, then pick one address.</translation>
    </message>
    <message>
        <source>Địa chỉ trên thẻ có thể hiểu theo nhiều cách: chọn một địa chỉ.</source>
        <translation>The address on the card can be read in several ways: pick one address.</translation>
    </message>
    <message>
        <source>Thẻ không ghi xã/phường: đã điền tỉnh mới; chọn xã/phường nếu biết.</source>
        <translation>The card names no commune: the new province is filled in; pick the commune if known.</translation>
    </message>
    <message>
        <source>Không tìm thấy địa chỉ này trong bảng đơn vị hành chính: hãy nhập địa chỉ hiện nay.</source>
        <translation>This address is not in the administrative unit tables: type the current address.</translation>
    </message>
    <message>
        <source>Chọn một địa chỉ ở trên</source>
        <translation>Pick one of the addresses above</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::InterruptedScreen</name>
    <message>
        <source>Thẻ đã bị nhấc ra khi đang đọc</source>
        <translation>The card was removed during the read</translation>
    </message>
    <message>
        <source>Xin đặt lại thẻ lên đầu đọc và giữ yên: việc đọc sẽ tiếp tục.</source>
        <translation>Put the card back on the reader and keep it still: the read will resume.</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::KeyScreen</name>
    <message>
        <source>Mở thẻ</source>
        <translation>Open the card</translation>
    </message>
    <message>
        <source>Quét mã QR trên thẻ bằng máy quét, hoặc nhập số định danh cá nhân (12 số).</source>
        <translation>Scan the card's QR code with the scanner, or type the personal ID number (12 digits).</translation>
    </message>
    <message>
        <source>Số định danh cá nhân</source>
        <translation>Personal ID number</translation>
    </message>
    <message>
        <source>Đọc thẻ</source>
        <translation>Read the card</translation>
    </message>
    <message>
        <source>Số định danh phải gồm đúng 12 chữ số.</source>
        <translation>The ID number must have exactly 12 digits.</translation>
    </message>
    <message>
        <source>Nhập số thẻ (9 số sau chữ IDVNM ở mặt sau thẻ), ngày sinh và ngày hết hạn như in trên thẻ.</source>
        <translation>Type the document number (the 9 digits after IDVNM on the back of the card), the date of birth and the date of expiry as printed on the card.</translation>
    </message>
    <message>
        <source>← Nhập số định danh</source>
        <translation>← Type the ID number</translation>
    </message>
    <message>
        <source>Nhập số thẻ và ngày</source>
        <translation>Type document number and dates</translation>
    </message>
    <message>
        <source>Số thẻ hoặc ngày chưa đúng.</source>
        <translation>The document number or a date is not right.</translation>
    </message>
    <message>
        <source>nội dung mã</source>
        <translation>its content</translation>
    </message>
    <message>
        <source>số định danh</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>số CMND cũ</source>
        <translation>old ID number</translation>
    </message>
    <message>
        <source>họ và tên</source>
        <translation>full name</translation>
    </message>
    <message>
        <source>ngày sinh</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>giới tính</source>
        <translation>sex</translation>
    </message>
    <message>
        <source>nơi thường trú</source>
        <translation>place of residence</translation>
    </message>
    <message>
        <source>ngày cấp</source>
        <translation>date of issue</translation>
    </message>
    <message>
        <source>Mã QR này không phải của thẻ căn cước (sai %1)</source>
        <translation>This QR code is not an ID card's (wrong %1)</translation>
    </message>
    <message>
        <source>● Camera: đưa mã QR trên thẻ vào trước camera</source>
        <translation>● Camera: hold the card's QR code in front of the camera</translation>
    </message>
    <message>
        <source>Không có camera</source>
        <translation>No camera</translation>
    </message>
    <message>
        <source>Camera đã ngừng gửi hình</source>
        <translation>The camera stopped sending pictures</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::Keypad</name>
    <message>
        <source>⌫ Xóa</source>
        <translation>⌫ Delete</translation>
    </message>
    <message>
        <source>Xóa hết</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::KioskWindow</name>
    <message>
        <source>Một cửa — Đọc thẻ căn cước</source>
        <translation>One-stop shop — ID card reader</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Tiếng Việt</translation>
    </message>
    <message>
        <source>Thống kê</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Quản trị</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>● Không có đầu đọc — cắm lại đầu đọc</source>
        <translation>● No reader — plug the reader back in</translation>
    </message>
    <message>
        <source>● Đầu đọc sẵn sàng · có thẻ</source>
        <translation>● Reader ready · card present</translation>
    </message>
    <message>
        <source>● Đầu đọc sẵn sàng · chưa có thẻ</source>
        <translation>● Reader ready · no card</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::MrzEntry</name>
    <message>
        <source>Số thẻ</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>9 số</source>
        <translation>9 digits</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Có giá trị đến</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <source>Không thời hạn</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <source>Không có ngày này: nhập ngày, tháng, năm như in trên thẻ.</source>
        <translation>No such day: type day, month and year as printed on the card.</translation>
    </message>
    <message>
        <source>Ngày sinh không thể sau hôm nay.</source>
        <translation>The date of birth cannot be after today.</translation>
    </message>
    <message>
        <source>Năm sinh phải từ 1900 trở đi.</source>
        <translation>The year of birth must be 1900 or later.</translation>
    </message>
    <message>
        <source>Năm hết hạn phải từ 2000 đến 2099.</source>
        <translation>The year of expiry must be from 2000 to 2099.</translation>
    </message>
    <message>
        <source>Ngày hết hạn phải sau ngày sinh.</source>
        <translation>The date of expiry must be after the date of birth.</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::OutputScreen</name>
    <message>
        <source>Xuất biểu mẫu</source>
        <translation>Output the form</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Lưu PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Xuất JSON</source>
        <translation>Export JSON</translation>
    </message>
    <message>
        <source>Gửi về hệ thống một cửa</source>
        <translation>Send to the one-stop-shop system</translation>
    </message>
    <message>
        <source>◀ Sửa biểu mẫu</source>
        <translation>◀ Edit the form</translation>
    </message>
    <message>
        <source>Hoàn tất ▶</source>
        <translation>Finish ▶</translation>
    </message>
    <message>
        <source>Đã gửi biểu mẫu tới máy in.</source>
        <translation>The form was sent to the printer.</translation>
    </message>
    <message>
        <source>Không in được: không có máy in. Hãy lưu thành PDF rồi in sau.</source>
        <translation>Cannot print: no printer. Save it as a PDF and print it later.</translation>
    </message>
    <message>
        <source>Đã lưu PDF: %1</source>
        <translation>PDF saved: %1</translation>
    </message>
    <message>
        <source>Không lưu được PDF. Kiểm tra thư mục xuất trong phần cài đặt.</source>
        <translation>Cannot save the PDF. Check the output folder in the settings.</translation>
    </message>
    <message>
        <source>Đã xuất JSON: %1</source>
        <translation>JSON exported: %1</translation>
    </message>
    <message>
        <source>Không xuất được JSON. Kiểm tra thư mục xuất trong phần cài đặt.</source>
        <translation>Cannot export the JSON. Check the output folder in the settings.</translation>
    </message>
    <message>
        <source>Địa chỉ gửi không hợp lệ. Kiểm tra phần cài đặt.</source>
        <translation>The endpoint is not valid. Check the settings.</translation>
    </message>
    <message>
        <source>Đang gửi…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Hệ thống một cửa đã nhận biểu mẫu.</source>
        <translation>The one-stop-shop system received the form.</translation>
    </message>
    <message>
        <source>Gửi không thành công (%1). Thử lại hoặc lưu PDF.</source>
        <translation>Sending failed (%1). Try again or save as PDF.</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::PortraitView</name>
    <message>
        <source>Chip không có ảnh chân dung</source>
        <translation>The chip holds no portrait</translation>
    </message>
    <message>
        <source>Ảnh không đọc được: dữ liệu ảnh chân dung trong chip bị hỏng</source>
        <translation>The image cannot be read: the chip's portrait data is damaged</translation>
    </message>
    <message>
        <source>Không hiển thị được ảnh chân dung (định dạng ảnh chưa hỗ trợ)</source>
        <translation>The portrait cannot be shown (image format not supported)</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::ReadingScreen</name>
    <message>
        <source>Đang đọc thẻ…</source>
        <translation>Reading the card…</translation>
    </message>
    <message>
        <source>Xin giữ yên thẻ trên đầu đọc.</source>
        <translation>Please keep the card still on the reader.</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::StatisticsScreen</name>
    <message>
        <source>Thống kê theo ngày</source>
        <translation>Statistics per day</translation>
    </message>
    <message>
        <source>Xuất CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>◀ Quay lại</source>
        <translation>◀ Back</translation>
    </message>
    <message>
        <source>Nhật ký kiểm toán bị lỗi: không đọc được.</source>
        <translation>The audit log is damaged: it cannot be read.</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Lượt đọc</source>
        <translation>Reads</translation>
    </message>
    <message>
        <source>Thành công</source>
        <translation>Successes</translation>
    </message>
    <message>
        <source>Lỗi theo nguyên nhân</source>
        <translation>Failures by reason</translation>
    </message>
    <message>
        <source>Đã xuất: %1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <source>Không xuất được CSV. Kiểm tra thư mục xuất.</source>
        <translation>Cannot export the CSV. Check the output folder.</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::VerifiedScreen</name>
    <message>
        <source>Danh tính đã xác thực</source>
        <translation>Verified identity</translation>
    </message>
    <message>
        <source>Chọn thủ tục ▶</source>
        <translation>Choose a procedure ▶</translation>
    </message>
    <message>
        <source>✔ Dữ liệu do cơ quan cấp thẻ ký</source>
        <translation>✔ Data signed by the issuer</translation>
    </message>
    <message>
        <source>? Chữ ký của CSCA không có trong kho tin cậy</source>
        <translation>? Signed by a CSCA not in the trust store</translation>
    </message>
    <message>
        <source>✘ Chữ ký dữ liệu không hợp lệ</source>
        <translation>✘ Data signature not valid</translation>
    </message>
    <message>
        <source>✔ Chip thật (CA/AA)</source>
        <translation>✔ Genuine chip (CA/AA)</translation>
    </message>
    <message>
        <source>✘ Chip có thể là bản sao</source>
        <translation>✘ Chip may be a clone</translation>
    </message>
    <message>
        <source>– Chip chưa được kiểm tra</source>
        <translation>– Chip not checked</translation>
    </message>
    <message>
        <source>✔ Thẻ còn hạn</source>
        <translation>✔ Card valid</translation>
    </message>
    <message>
        <source>✘ Thẻ hết hạn</source>
        <translation>✘ Card expired</translation>
    </message>
    <message>
        <source>– Chưa quét mã QR</source>
        <translation>– QR not scanned</translation>
    </message>
    <message>
        <source>✔ Mã QR khớp với chip</source>
        <translation>✔ QR matches the chip</translation>
    </message>
    <message>
        <source>✘ Mã QR không khớp với chip</source>
        <translation>✘ QR does not match the chip</translation>
    </message>
</context>
<context>
    <name>cccd::kiosk::ui::WaitingScreen</name>
    <message>
        <source>Xin mời đặt thẻ căn cước lên đầu đọc</source>
        <translation>Please put the ID card on the reader</translation>
    </message>
    <message>
        <source>Có thể quét mã QR trên thẻ trước: việc đọc thẻ bắt đầu ngay khi đặt thẻ.</source>
        <translation>You may scan the card's QR code first: the read starts as soon as the card is on the reader.</translation>
    </message>
</context>
</TS>
