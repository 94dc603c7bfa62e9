#pragma once

#include <memory>

#include <gtest/gtest.h>

#include "support/Process.h"

namespace cccd::test {

/// Makes sure a pcscd with the vpcd driver runs for the end-to-end tests: uses the one that is
/// already running (started by scripts/pcscd.sh or the system), else starts its own on vpcd's
/// default port and stops it when the tests end.
class PcscdEnvironment : public ::testing::Environment {
public:
    void SetUp() override;
    void TearDown() override;

    /// vpcd's port, where the emulated card connects.
    static constexpr int VpcdPort = 35963;

private:
    std::unique_ptr<Process> m_pcscd;
};

} // namespace cccd::test
