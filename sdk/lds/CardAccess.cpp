#include "lds/CardAccess.h"

namespace cccd::lds {

CardAccess CardAccess::parse(ByteView file) {
    CardAccess out;
    out.raw.assign(file.begin(), file.end());
    out.securityInfos = SecurityInfos::parse(file);
    return out;
}

} // namespace cccd::lds
