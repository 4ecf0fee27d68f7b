"""Render pages of a report PDF to PNG with poppler's pdftoppm, to look at them.

    uv run python scripts/render_report_pages.py REPORT.pdf [-o DIR] [-r 80] [--pages 1,3,5-7]

Writes DIR/page-NN.png (default DIR: next to the PDF, <name>-pages/) and prints the paths. A
box instead of a Chinese character, text running out of a table cell or a footer over the text
are bugs; this script is how one sees them (poppler-utils must be installed).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path


def parse_pages(spec: str | None, count: int) -> list[int]:
    if not spec:
        return list(range(1, count + 1))
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            a, b = part.split("-", 1)
            out += range(int(a), int(b) + 1)
        elif part:
            out.append(int(part))
    return [p for p in out if 1 <= p <= count]


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise RuntimeError(f"pdfinfo gave no page count for {pdf}")


def render(pdf: Path, out_dir: Path, dpi: int = 80, pages: list[int] | None = None) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        raise RuntimeError("pdftoppm not found: install poppler-utils")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for n in pages or parse_pages(None, page_count(pdf)):
        stem = out_dir / f"page-{n:02d}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), "-f", str(n), "-l", str(n), "-singlefile", str(pdf), str(stem)],
            check=True,
        )
        written.append(stem.with_suffix(".png"))
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", type=Path)
    ap.add_argument("-o", "--out", type=Path)
    ap.add_argument("-r", "--dpi", type=int, default=80)
    ap.add_argument("--pages", help="e.g. 1,3,5-7 (default: all)")
    args = ap.parse_args(argv)
    out = args.out or args.pdf.with_name(args.pdf.stem + "-pages")
    pages = parse_pages(args.pages, page_count(args.pdf))
    for p in render(args.pdf, out, args.dpi, pages):
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
