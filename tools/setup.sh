#!/usr/bin/env bash
# Installs every Debian 12 package barnetslov needs (idempotent) and builds it in ./build.
# Usage: tools/setup.sh            install + build (Release, warnings as errors)
#        tools/setup.sh --no-build install only
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git
  libhowardhinnant-date-dev tzdata          # date + date-tz (reads the OS tz database)
  libpugixml-dev                             # XML loader
  nlohmann-json3-dev libfmt-dev              # JSON report, formatting
  libboost-program-options-dev               # CLI
  libgtest-dev libgmock-dev libbenchmark-dev # tests, benchmarks
  libxml2-utils                              # xmllint: tests validate what the loader accepts against the XSD
  python3                                    # the Python binding and its tests
  python3-pip python3-setuptools python3-wheel  # the Python wheel, built offline (python_wheel_test)
  default-jdk-headless libjna-java           # the Java binding (java/), its tests and example: javac 17, JNA
  python3-jsonschema                         # json_schema_test: JSON examples against the generated JSON Schema
  python3-icalendar                          # deadlines_cli_test: the .ics of `deadlines --format ics` read back
  abigail-tools                              # abidw/abidiff: the C ABI against capi/abi/ (tools/abi.sh)
  chromium                                   # headless: the HTML report's browser test and screenshot
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

[ "${1:-}" = "--no-build" ] && exit 0

# BARNETSLOV_JAVA=ON: a missing JDK or JNA fails here rather than skipping the Java tests unseen.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBARNETSLOV_WERROR=ON -DBARNETSLOV_JAVA=ON
cmake --build build -j "$(nproc)"
