#!/usr/bin/env python3
"""The house style that a reader and a diff depend on (../shared/ARCHITECTURE.md, "Growing without
losing the shape"): no function in app/ longer than 100 lines, no line in app/ or tests/ longer than
120 characters, every source file as clang-format (ROOT/.clang-format) writes it, and no test name
that ctest cannot run (catch_discover_tests splits a name at ';': the test then never runs).

Usage: check_style.py functions|lines|format|names ROOT
Prints one line per offence (file:line: what) and exits 1 when there is any."""
import pathlib
import re
import subprocess
import sys

MAX_FUNCTION_LINES = 100
MAX_LINE_CHARS = 120
SOURCES = ("*.cpp", "*.hpp")


def sources(root, folders):
    for folder in folders:
        for pattern in SOURCES:
            yield from sorted((root / folder).rglob(pattern))


def blank_out(src):
    """The source with comments, string and character literals replaced by spaces (newlines kept),
    so braces inside them do not count."""
    out, i, n = [], 0, len(src)
    while i < n:
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif src.startswith('R"', i) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")):
            m = re.match(r'R"([^(]*)\(', src[i:])
            end = ")" + m.group(1) + '"'
            j = src.find(end, i) + len(end)
        elif src[i] == "'" and re.search(r"\b\d[\w']*$", src[max(0, i - 40):i]):
            j = i + 1  # a digit separator: 60'000
        elif src[i] in "\"'":
            j = i + 1
            while j < n and src[j] != src[i]:
                j += 2 if src[j] == "\\" else 1
            j += 1
        else:
            out.append(src[i])
            i += 1
            continue
        out.append(re.sub(r"[^\n]", " ", src[i:j]))
        i = j
    return "".join(out)


# A '{' opens a function body when what stands before it ends a parameter list (with optional
# qualifiers, a trailing return type or a constructor's initialiser list) outside any function.
FUNCTION_HEAD = re.compile(
    r"\)\s*(const\s*)?(noexcept\s*)?(override\s*)?(final\s*)?(->\s*[\w:<>,\s*&]+)?$|\)\s*:\s*[^;{}]*$")
NAME = re.compile(r"([\w:~<>=!+\-*/\[\]]+)\s*\([^;{}]*$")


def long_functions(path):
    text = blank_out(path.read_text(encoding="utf-8"))
    stack, line = [], 1
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        elif c == "{":
            before = text[max(0, i - 400):i]
            in_function = any(kind == "function" for kind, _, _ in stack)
            kind = "function" if not in_function and FUNCTION_HEAD.search(before.rstrip()) else "block"
            name = NAME.search(before)
            stack.append((kind, line, name.group(1) if name else "?"))
        elif c == "}" and stack:
            kind, first, name = stack.pop()
            if kind == "function" and line - first + 1 > MAX_FUNCTION_LINES:
                yield f"{path}:{first}: {name} is {line - first + 1} lines (at most {MAX_FUNCTION_LINES})"


def long_lines(path):
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if len(text) > MAX_LINE_CHARS:
            yield f"{path}:{number}: {len(text)} characters (at most {MAX_LINE_CHARS})"


def unformatted(paths):
    """Files clang-format would change (it is told to print nothing but the names' complaints)."""
    for path in paths:
        run = subprocess.run(["clang-format", "--dry-run", "--Werror", str(path)], capture_output=True, text=True)
        if run.returncode != 0:
            first = (run.stderr.splitlines() or ["clang-format failed"])[0]
            yield f"{path}: not as .clang-format writes it ({first}); run clang-format -i {path}"


TEST_NAME = re.compile(r'TEST_CASE\(\s*"((?:[^"\\]|\\.)*)"')


def unrunnable_names(path):
    text = path.read_text(encoding="utf-8")
    for m in TEST_NAME.finditer(text):
        if ";" in m.group(1):
            line = text.count("\n", 0, m.start()) + 1
            yield f"{path}:{line}: test name holds ';', which ctest splits (the test would never run)"


def main():
    what, root = sys.argv[1], pathlib.Path(sys.argv[2])
    if what == "functions":
        offences = [o for p in sources(root, ["app"]) for o in long_functions(p)]
    elif what == "lines":
        offences = [o for p in sources(root, ["app", "tests"]) for o in long_lines(p)]
    elif what == "names":
        offences = [o for p in sources(root, ["tests"]) for o in unrunnable_names(p)]
    elif what == "format":
        offences = list(unformatted(sources(root, ["app", "tests"])))
    else:
        sys.exit(f"usage: {sys.argv[0]} functions|lines|format|names ROOT")
    for o in offences:
        print(o)
    print(f"{len(offences)} {what} over the limit")
    sys.exit(1 if offences else 0)


if __name__ == "__main__":
    main()
