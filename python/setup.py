"""The package's version is the C library's, written once: project(barnetslov VERSION x.y.z) in
the CMakeLists.txt beside this folder (pyproject.toml declares the version dynamic). So a wheel
can only be built from the source tree, where that file is."""
import re
from pathlib import Path

from setuptools import setup


def library_version() -> str:
    cmake = Path(__file__).resolve().parent.parent / "CMakeLists.txt"
    try:
        found = re.search(r"project\(barnetslov VERSION (\d+\.\d+\.\d+)", cmake.read_text(encoding="utf-8"))
    except OSError as e:
        raise SystemExit(f"barnetslov: the version is read from {cmake}, which cannot be read: {e}")
    if not found:
        raise SystemExit(f"barnetslov: no 'project(barnetslov VERSION x.y.z' in {cmake}")
    return found.group(1)


setup(version=library_version())
