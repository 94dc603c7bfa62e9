#!/usr/bin/env python3
"""Checks the SDK's installed headers: none may include or name a type of Qt, OpenCV, ZXing-C++
or PC/SC (a consumer of the SDK must not need their headers), and every header they include by
quotes must be installed too. Usage: check_installed_headers.py INCLUDE_DIR (e.g.
<prefix>/include); prints one line per problem and exits 1 if there is any."""

import re
import sys
from pathlib import Path

# Headers of the libraries the SDK keeps inside its .cpp files.
FORBIDDEN_INCLUDE = re.compile(
    r"^(opencv2?/|ZXing/|Qt[A-Za-z]*/|Q[A-Z][A-Za-z]*$|winscard\.h$|wintypes\.h$|pcsclite\.h$"
    r"|reader\.h$|PCSC/)"
)
# Their types and namespaces, in code (comments may cite the standards' names).
FORBIDDEN_NAME = re.compile(
    r"\b(cv::|ZXing::|Q(Object|String|Image|ByteArray|Widget|List|Vector|Map|Variant)\b"
    r"|SCARD[A-Z_]*\b|LPSCARD|DWORD\b|LPCSTR\b|LPSTR\b|LPBYTE\b)"
)
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.MULTILINE)
COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
STRING = re.compile(r'"(?:\\.|[^"\\\n])*"')


def problems_in(include_root: Path, header: Path):
    text = header.read_text(encoding="utf-8")
    relative = header.relative_to(include_root)
    for kind, name in INCLUDE.findall(text):
        if FORBIDDEN_INCLUDE.search(name):
            yield f"{relative}: includes <{name}>"
        elif kind == '"' and not any(
            (base / name).is_file()
            for base in (include_root, include_root / "cccd", header.parent)
        ):
            yield f'{relative}: includes "{name}", which is not installed'
    code = STRING.sub('""', COMMENT.sub(" ", INCLUDE.sub("", text)))
    for match in sorted(set(m.group(1) for m in FORBIDDEN_NAME.finditer(code))):
        yield f"{relative}: names {match}"


def check(include_root: Path):
    headers = sorted(p for p in include_root.rglob("*") if p.suffix in (".h", ".hpp"))
    if not headers:
        return [f"{include_root}: no headers installed"]
    return [problem for header in headers for problem in problems_in(include_root, header)]


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(argv[1])
    problems = check(root)
    for problem in problems:
        print(problem)
    if not problems:
        count = sum(1 for p in root.rglob("*.h"))
        print(f"{count} installed headers: no Qt, OpenCV, ZXing or PC/SC, all includes installed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
