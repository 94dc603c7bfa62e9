#!/usr/bin/env bash
# Installs the Debian 12 packages the build, the demo and the tests need, if any is missing.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config clang-format git procps dpkg-dev
    libssl-dev libpcsclite-dev pcscd vsmartcard-vpcd
    nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev
    libjpeg-dev libicu-dev
    libzxing-dev libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev
    libopencv-videoio-dev
    libeac-dev
    qt6-base-dev qt6-tools-dev fonts-dejavu-core poppler-utils xvfb xauth
    doxygen python3-jsonschema
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
