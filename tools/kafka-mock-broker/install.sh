#!/usr/bin/env bash
# Installs what tools/kafka-mock-broker needs on Debian/Ubuntu when it is missing: librdkafka-dev
# (librdkafka with its mock cluster), pkg-config and a C compiler. Idempotent and silent when all is
# there; runs `apt-get update` only when something has to be installed.
#   bash tools/kafka-mock-broker/install.sh
set -euo pipefail

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
if ! installed librdkafka-dev && [ ! -e /usr/include/librdkafka/rdkafka_mock.h ]; then
  missing+=(librdkafka-dev)
fi
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! command -v cc >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
  missing+=(gcc)
fi
# gcc only recommends the C library headers; the broker needs them.
[ -e /usr/include/stdio.h ] || missing+=(libc6-dev)

[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "kafka-mock-broker: missing ${missing[*]}, and there is no apt-get here: install them by hand" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "kafka-mock-broker: missing ${missing[*]}; run as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

echo "kafka-mock-broker: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
