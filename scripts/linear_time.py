#!/usr/bin/env python3
"""Is galley's cost linear in sentence and paragraph length?

For each pattern of hostile text (a megabyte line of words, a paragraph
without punctuation, thousands of unpaired quotation marks, runs of marks
without whitespace, deeply nested Markdown, ...) this counts the
instructions `galley check` executes at two sizes, under valgrind's
callgrind, and prints the ratio. Instruction counts do not depend on the
machine's load, so the ratio is repeatable: linear cost gives the size
ratio (4.0 by default); quadratic cost gives its square (16).

    cargo build --release
    python3 scripts/linear_time.py [PATTERN ...]   # SIZES="50000 200000"

Needs valgrind. Exits 1 when a pattern's ratio is above 1.5 times linear.
"""
import os
import re
import subprocess
import sys
import tempfile

GALLEY = os.environ.get("GALLEY", "target/release/galley")
SIZES = [int(s) for s in os.environ.get("SIZES", "50000 200000").split()]

TEXT = {
    "words_line": lambda n: "word " * (n // 5),
    "words_paragraph": lambda n: "word word word\n" * (n // 15),
    "names": lambda n: "Nora Gorman said Gorman and He told Okafor she " * (n // 48),
    "capitals": lambda n: "The Big Council Said " * (n // 21),
    "open_quotes": lambda n: "“word " * (n // 8),
    "close_quotes": lambda n: "word” " * (n // 8),
    "straight_quotes": lambda n: '"word ' * (n // 6),
    "apostrophes": lambda n: "'word ‘a ’b " * (n // 14),
    "stars": lambda n: "*" * n,
    "open_parens": lambda n: "(" * n,
    "url_close_parens": lambda n: "http://a" + ")" * n,
    "brackets": lambda n: "[" * (n // 2) + "]" * (n // 2),
    "dots": lambda n: "a." * (n // 2),
    "initials": lambda n: "U.S." * (n // 4),
    "at_signs": lambda n: "a@" * (n // 2),
    "thousands": lambda n: "1,000," * (n // 6),
    "digits": lambda n: "1 2 3 4 " * (n // 8),
    "dates": lambda n: "on Monday, March 4, 2024 " * (n // 25),
    "dashes": lambda n: "a-b—c–" * (n // 8),
    "sentences": lambda n: "He said it. " * (n // 12),
    "glued": lambda n: "ended.Nothing " * (n // 14),
    "doubled": lambda n: "the the " * (n // 8),
    "emoji": lambda n: "😀" * (n // 4),
    "crlf": lambda n: "a\r\n" * (n // 3),
    "acronyms": lambda n: "OSCE NATO UN " * (n // 13),
    "ages": lambda n: "Gorman, 52, aged 45 " * (n // 20),
    "urls": lambda n: "www.x.com " * (n // 10),
}
MARKDOWN = {
    "md_quotes": lambda n: "> " * (n // 2) + "x\n",
    "md_lists": lambda n: "- " * (n // 2) + "x\n",
    "md_emphasis": lambda n: "*a " * (n // 3),
    "md_links": lambda n: "[a](b) " * (n // 7),
    "md_brackets": lambda n: "[" * (n // 2),
    "md_code": lambda n: "`a " * (n // 3),
    "md_html": lambda n: "<b>" * (n // 3),
    "md_comments": lambda n: "<!-- galley-ignore -->\nx\n" * (n // 25),
    "md_table": lambda n: "|a|b|\n|-|-|\n" + "|x|y|\n" * (n // 6),
    "md_headings": lambda n: "# a\n" * (n // 4),
}


def instructions(path):
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         GALLEY, "check", "--format", "concise", "--threads", "1", path],
        capture_output=True, timeout=1800)
    if run.returncode not in (0, 1):
        sys.exit(f"{path}: galley exited {run.returncode}: {run.stderr[-500:]}")
    return int(re.search(rb"Collected : (\d+)", run.stderr).group(1))


def main():
    only = set(sys.argv[1:])
    linear = SIZES[-1] / SIZES[0]
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="galley-linear-") as folder:
        patterns = [(n, f, ".txt") for n, f in TEXT.items()]
        patterns += [(n, f, ".md") for n, f in MARKDOWN.items()]
        for name, make, extension in patterns:
            if only and name not in only:
                continue
            counts = []
            for size in SIZES:
                path = os.path.join(folder, name + extension)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(make(size))
                counts.append(instructions(path))
            ratio = counts[-1] / counts[0]
            worst = max(worst, ratio / linear)
            shown = "  ".join(f"{c / 1e6:9.1f}M" for c in counts)
            print(f"{name:18} {shown}  ratio {ratio:5.2f}", flush=True)
    print(f"sizes {SIZES}: linear cost gives ratio {linear:.1f}")
    sys.exit(1 if worst > 1.5 else 0)


if __name__ == "__main__":
    main()
