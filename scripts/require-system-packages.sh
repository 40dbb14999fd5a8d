#!/usr/bin/env bash
# Makes sure the system packages the build and tests need are present.
# Each argument is CHECK=PACKAGE, where CHECK is pkg-config:NAME or command:NAME (PACKAGE is a
# Debian package), or pip:COMMAND (PACKAGE is a PyPI package that provides COMMAND).
# What is missing is installed (apt-get as root; pip) when it can be; otherwise this stops and
# prints the exact command to run.
set -euo pipefail

missing=()
python_missing=()
for requirement in "$@"; do
    check=${requirement%%=*}
    package=${requirement#*=}
    case $check in
        pkg-config:*) command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "${check#pkg-config:}" || missing+=("$package") ;;
        command:*) command -v "${check#command:}" >/dev/null 2>&1 || missing+=("$package") ;;
        pip:*) command -v "${check#pip:}" >/dev/null 2>&1 || python_missing+=("$package") ;;
        *) echo "require-system-packages: unknown check '$check'" >&2; exit 2 ;;
    esac
done
if [ ${#python_missing[@]} -gt 0 ]; then
    pip_command="python3 -m pip install --quiet ${python_missing[*]}"
    echo "Installing missing Python tools: ${python_missing[*]}" >&2
    if ! $pip_command >&2; then
        echo "Could not install ${python_missing[*]}; install them with:  $pip_command" >&2
        exit 1
    fi
fi
[ ${#missing[@]} -eq 0 ] && exit 0

# pkg-config itself is needed to find libxml2.
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing missing system packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    $command >/dev/null || { apt-get update -qq && $command >/dev/null; }
    exit 0
fi
echo "Missing system packages: ${missing[*]}" >&2
echo "Install them with:  sudo $command" >&2
exit 1
