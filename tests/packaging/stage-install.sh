#!/usr/bin/env bash
# Installs what the Debian packages libcccd0 and libcccd-dev hold (components runtime and dev)
# into an empty staging tree: the SDK as a developer who installed those two packages has it.
# Usage: stage-install.sh BUILD_DIR STAGE_DIR
set -euo pipefail
build=$1 stage=$2
rm -rf "$stage"
for component in runtime dev; do
    cmake --install "$build" --prefix "$stage" --component "$component" >/dev/null
done
echo "staged runtime and dev in $stage"
