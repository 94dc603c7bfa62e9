#include "access/PaceAlgorithm.h"

namespace cccd::access {

std::string_view paceMappingName(PaceMapping mapping) {
    switch (mapping) {
    case PaceMapping::Generic:
        return "generic";
    case PaceMapping::Integrated:
        return "integrated";
    case PaceMapping::ChipAuthentication:
        return "chip_authentication";
    }
    return "unknown";
}

} // namespace cccd::access
