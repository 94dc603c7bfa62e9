#include "kiosk/core/JsonExport.h"

#include <algorithm>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/Error.h"

namespace cccd::kiosk {

std::filesystem::path exportJson(const FilledForm& form, const std::filesystem::path& folder,
                                 std::string_view stamp) {
    if (stamp.empty() || stamp.find_first_of("/\\") != std::string_view::npos ||
        stamp.find("..") != std::string_view::npos) {
        throw Error(ErrorCode::InvalidArgument, "the export stamp must be a plain name");
    }
    std::filesystem::path file =
        folder / (form.definition().id + "-" + std::string(stamp) + ".json");
    std::string text = form.toJson().dump(2) + "\n";

    // O_EXCL: never overwrite, never follow a link planted at the name; 0600 from the start.
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        std::fill(text.begin(), text.end(), '\0');
        throw Error(ErrorCode::Io, "cannot create the export file " + file.filename().string());
    }
    std::size_t written = 0;
    while (written < text.size()) {
        ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n <= 0) {
            break;
        }
        written += static_cast<std::size_t>(n);
    }
    bool ok = written == text.size() && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    std::fill(text.begin(), text.end(), '\0');
    if (!ok) {
        std::filesystem::remove(file);
        throw Error(ErrorCode::Io, "cannot write the export file " + file.filename().string());
    }
    return file;
}

} // namespace cccd::kiosk
