#!/usr/bin/env bash
# Installs every system package Lantern's build, tests and run need (the compiler aside). Idempotent.
set -euo pipefail

packages=(
  cmake pkg-config ninja-build g++
  libimgui-dev libglfw3-dev libgl-dev libfreetype-dev
  libsqlite3-dev libsqlitecpp-dev libpq-dev postgresql zlib1g-dev libcurl4-openssl-dev libssl-dev libsodium-dev
  nlohmann-json3-dev libmd4c-dev libstb-dev libcli11-dev libcpp-httplib-dev
  libtomlplusplus-dev libyaml-cpp-dev libespeak-ng-dev espeak-ng-data libasound2-dev libpcaudio-dev libxtst-dev libsystemd-dev
  doctest-dev clang-format-14
  clang-14 libclang-rt-14-dev sqlite3 util-linux
  xvfb xauth x11-utils libgl1-mesa-dri
  cage xwayland
  fonts-noto-core
  ca-certificates curl procps openssl
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install packages" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
