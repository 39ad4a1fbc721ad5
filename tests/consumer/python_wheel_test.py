"""The Python package as a user gets it: a wheel built offline from the source tree with Debian's
pip, setuptools and wheel (no network, no build isolation), holding exactly the package's files
and the library's version; installed into a throwaway folder and imported from there against the
built library, whose example it runs. The source tree is left as it was.

Usage: python_wheel_test.py SOURCE_DIR WORK_DIR LIBRARY [C_EXAMPLE]
Exit code 77 (skipped) when the interpreter lacks pip, setuptools or wheel, unless CI=true.
"""
import ctypes
import os
import re
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

src, work, library = (Path(a).resolve() for a in sys.argv[1:4])
c_example = sys.argv[4] if len(sys.argv) > 4 else None
failures = []


def fail(what: str) -> None:
    print(f"FAIL: {what}")
    failures.append(what)


def run(*args, **kw) -> subprocess.CompletedProcess:
    r = subprocess.run(args, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        print(r.stdout + r.stderr)
    return r


def snapshot(folder: Path):
    return sorted((str(p.relative_to(folder)), p.stat().st_mtime_ns) for p in folder.rglob("*"))


missing = [m for m in ("pip", "setuptools", "wheel")
           if subprocess.run([sys.executable, "-c", f"import {m}"], capture_output=True).returncode != 0]
if missing:
    message = f"{sys.executable} lacks {', '.join(missing)} (tools/setup.sh installs python3-pip python3-setuptools python3-wheel)"
    print(("FAIL: CI=true and " if os.environ.get("CI") == "true" else "SKIP: ") + message)
    sys.exit(1 if os.environ.get("CI") == "true" else 77)

# pip builds a source folder in place (build/, *.egg-info): build a copy, laid out as the tree is
# (setup.py reads the version from the CMakeLists.txt beside the package folder).
python_dir = src / "python"
before = snapshot(python_dir)
shutil.rmtree(work, ignore_errors=True)
copy = work / "src" / "python"
shutil.copytree(python_dir, copy, ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info", "tests"))
shutil.copy(src / "CMakeLists.txt", work / "src" / "CMakeLists.txt")
pip_env = dict(os.environ, PIP_NO_CACHE_DIR="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
pip = [sys.executable, "-m", "pip"]

if run(*pip, "wheel", "--no-build-isolation", "--no-deps", "--no-index", "-w", str(work / "dist"), str(copy),
       env=pip_env).returncode != 0:
    fail("pip wheel")
    sys.exit(1)

version = ctypes.CDLL(str(library)).bl_version
version.restype = ctypes.c_char_p
version = version().decode()
wheels = list((work / "dist").glob("*.whl"))
if [w.name for w in wheels] != [f"barnetslov-{version}-py3-none-any.whl"]:
    fail(f"the wheel is {[w.name for w in wheels]}, not barnetslov-{version}-py3-none-any.whl (the library's version)")
    sys.exit(1)

with zipfile.ZipFile(wheels[0]) as z:
    names = set(z.namelist())
    info = f"barnetslov-{version}.dist-info"
    package = {f"barnetslov/{p.name}" for p in (python_dir / "barnetslov").iterdir() if p.is_file()}
    packaged = {n for n in names if not n.startswith(info + "/")}
    if packaged != package:
        fail(f"the wheel's package files differ from python/barnetslov: {sorted(packaged ^ package)}")
    if not package >= {"barnetslov/__init__.py", "barnetslov/_native.py", "barnetslov/py.typed"}:
        fail("python/barnetslov lacks __init__.py, _native.py or py.typed")
    if any(re.search(r"\.so(\.\d+)*$", n) for n in names):
        fail("the wheel holds a shared library; the package is pure Python over the installed one")
    metadata = Parser().parsestr(z.read(f"{info}/METADATA").decode("utf-8"))
    if (metadata["Name"], metadata["Version"]) != ("barnetslov", version):
        fail(f"METADATA names {metadata['Name']} {metadata['Version']}, the library is {version}")
    if metadata.get_payload().strip() != (python_dir / "README.md").read_text(encoding="utf-8").strip():
        fail("the long description is not python/README.md")
    if metadata["Description-Content-Type"] != "text/markdown":
        fail(f"Description-Content-Type is {metadata['Description-Content-Type']}")

# Installed into a throwaway folder and used from there, not from the source tree.
target = work / "target"
if run(*pip, "install", "--no-index", "--no-deps", "--root-user-action=ignore", "--target", str(target), str(wheels[0]),
       env=pip_env).returncode != 0:
    fail("pip install --target")
    sys.exit(1)
use_env = dict(os.environ, PYTHONPATH=str(target), BARNETSLOV_LIBRARY=str(library))
check = ("import importlib.metadata, pathlib, sys, barnetslov\n"
         f"assert pathlib.Path(barnetslov.__file__).is_relative_to({str(target)!r}), barnetslov.__file__\n"
         "assert importlib.metadata.version('barnetslov') == barnetslov.version(), barnetslov.version()\n"
         "with barnetslov.Engine() as e: assert e.rule_count > 0\n")
if run(sys.executable, "-c", check, env=use_env, cwd=work).returncode != 0:
    fail("the installed package does not import from its folder with its version")
example = run(sys.executable, str(src / "examples" / "python" / "warning_list.py"), env=use_env, cwd=work)
if example.returncode != 0 or "Deadlines ahead, earliest first (2):" not in example.stdout:
    fail("the example with the installed package")
if c_example and example.stdout != run(c_example).stdout:
    fail("the example with the installed package does not print what the C example prints")

if snapshot(python_dir) != before:
    fail("building and installing the wheel wrote into the source tree's python/")

if failures:
    sys.exit(1)
print(f"wheel: {wheels[0].name}: {len(package)} package files, version {version} (the library's), long description "
      f"python/README.md; installed with --target and imported against {library.name}; the example ran")
