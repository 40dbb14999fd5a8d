#!/usr/bin/env bash
# Makes sure the system packages the build and tests need are present.
# Each argument is CHECK=PACKAGE, where PACKAGE is a Debian package and CHECK is one of
#   pkg-config:NAME   pkg-config knows the library NAME
#   command:NAME      the command NAME is on PATH
#   python:MODULE     $PYTHON (default python3) can import MODULE (python:ensurepip=python3-venv:
#                     on Debian, `python3 -m venv` needs python3-venv for ensurepip)
#   font:LANG         fontconfig knows a font for the language LANG (font:zh=fonts-noto-cjk: without
#                     one, a browser draws every Chinese character as an empty box)
# What is missing is installed with apt-get when running as root; otherwise this stops and prints
# the exact command to run. (Python tools from PyPI are not installed here: `make checkers` puts
# them in a virtual environment.)
set -euo pipefail

python=${PYTHON:-python3}
missing=()
uses_pkg_config=0
for requirement in "$@"; do
    check=${requirement%%=*}
    package=${requirement#*=}
    case $check in
        pkg-config:*)
            uses_pkg_config=1
            command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "${check#pkg-config:}" || missing+=("$package") ;;
        command:*) command -v "${check#command:}" >/dev/null 2>&1 || missing+=("$package") ;;
        python:*) "$python" -c "import ${check#python:}" >/dev/null 2>&1 || missing+=("$package") ;;
        font:*) command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list ":lang=${check#font:}" family 2>/dev/null)" ] || missing+=("$package") ;;
        *) echo "require-system-packages: unknown check '$check'" >&2; exit 2 ;;
    esac
done
[ ${#missing[@]} -eq 0 ] && exit 0

# pkg-config itself is needed to find libxml2.
[ "$uses_pkg_config" -eq 0 ] || command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing missing system packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    $command >/dev/null 2>&1 || { apt-get update -qq && $command >/dev/null; }
    exit 0
fi
echo "Missing system packages: ${missing[*]}" >&2
echo "Install them with:  sudo $command" >&2
exit 1
