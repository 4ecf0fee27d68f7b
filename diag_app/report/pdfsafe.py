"""Reading a PDF that may be hostile, within fixed limits.

Everything ``verify`` takes from a file goes through here: the size is checked before the file is
read, the structure before pypdf parses it, and streams are inflated by this module only (never by
pypdf), FlateDecode or unfiltered, to a stated number of bytes. What breaks a limit raises
``Refused`` with a message key; the caller turns it into exit status 2.

Limits (documented in the README): a file of at most ``MAX_FILE_BYTES``; at most
``MAX_OBJECTS`` objects and ``MAX_REVISIONS`` revisions; no stream inflating beyond
``MAX_STREAM_BYTES`` (or beyond what the comparison needs), and no more than
``MAX_INFLATE_TOTAL`` inflated over the whole check.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import os_reason_msg

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_OBJECTS = 100_000
MAX_REVISIONS = 32
MAX_STREAM_BYTES = 32 * 1024 * 1024
MAX_INFLATE_TOTAL = 256 * 1024 * 1024
MAX_DEPTH = 64
_CHUNK = 1 << 16


class Refused(Exception):
    """The file is not one this app can check: ``key`` (a ``verify.why.*`` message) and params."""

    def __init__(self, key: str, **params: Any):
        super().__init__(key)
        self.key, self.params = key, params


def read_file(path: str | Path) -> bytes:
    """The file's bytes, refusing anything but a regular file of at most MAX_FILE_BYTES (checked
    before reading, and again while reading: a FIFO or a growing file cannot make us read more)."""
    import os
    import stat

    p = Path(path)
    try:
        st = os.stat(p)
        if not stat.S_ISREG(st.st_mode):
            raise Refused("verify.why.not_file")
        if st.st_size > MAX_FILE_BYTES:
            raise Refused("verify.why.too_big", size=st.st_size, limit=MAX_FILE_BYTES)
        with open(p, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise Refused("verify.why.unreadable", msg=os_reason_msg(e)) from None
    if len(data) > MAX_FILE_BYTES:
        raise Refused("verify.why.too_big", size=len(data), limit=MAX_FILE_BYTES)
    return data


_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_SIZE = re.compile(rb"/Size\s+(\d{1,12})")
_STARTXREF = re.compile(rb"startxref\s+(\d{1,12})\s+%%EOF")
_PREV = re.compile(rb"/Prev\s+(\d{1,12})")


def prescan(data: bytes) -> None:
    """Cheap checks before any parser runs: a PDF header, a bounded number of objects."""
    if len(data) > MAX_FILE_BYTES:
        raise Refused("verify.why.too_big", size=len(data), limit=MAX_FILE_BYTES)
    if b"%PDF-" not in data[:1024]:
        raise Refused("verify.why.not_pdf")
    for count, _ in enumerate(_OBJ.finditer(data), 1):
        if count > MAX_OBJECTS:
            raise Refused("verify.why.too_many_objects", limit=MAX_OBJECTS)
    for m in _SIZE.finditer(data):
        if int(m.group(1)) > MAX_OBJECTS:
            raise Refused("verify.why.too_many_objects", limit=MAX_OBJECTS)


def revisions(data: bytes) -> list[int]:
    """The end offsets (just past %%EOF) of every revision, oldest first, as a viewer finds
    them: from the last ``startxref`` back along the ``/Prev`` chain. Raises Refused when the
    chain is broken, loops or is too long."""
    tail = data[-2048:]
    found = list(_STARTXREF.finditer(tail))
    if not found:
        raise Refused("verify.why.malformed", what="startxref")
    xref_offsets = [int(found[-1].group(1))]
    seen = set(xref_offsets)
    while True:
        prev = _prev_of(data, xref_offsets[-1])
        if prev is None:
            break
        if prev in seen or len(xref_offsets) >= MAX_REVISIONS:
            raise Refused("verify.why.malformed", what="/Prev")
        seen.add(prev)
        xref_offsets.append(prev)
    ends = []
    for off in reversed(xref_offsets):
        m = _STARTXREF.search(data, off)
        if m is None or int(m.group(1)) != off:
            raise Refused("verify.why.malformed", what="startxref")
        end = m.end()
        end += 2 if data[end : end + 2] == b"\r\n" else 1 if data[end : end + 1] in (b"\r", b"\n") else 0
        ends.append(end)
    return ends


def _prev_of(data: bytes, offset: int) -> int | None:
    if not 0 <= offset < len(data):
        raise Refused("verify.why.malformed", what="startxref")
    if data.startswith(b"xref", offset):  # a table; its trailer dictionary follows
        t = data.find(b"trailer", offset)
        end = data.find(b"startxref", t)
        if t < 0 or end < 0:
            raise Refused("verify.why.malformed", what="trailer")
        head = data[t:end]
    else:  # an xref stream: the object's dictionary up to "stream"
        end = data.find(b"stream", offset, offset + 4096)
        if end < 0:
            raise Refused("verify.why.malformed", what="xref")
        head = data[offset:end]
    m = _PREV.search(head)
    return int(m.group(1)) if m else None


def after_last_eof(data: bytes, end: int) -> bool:
    """Is there anything but white space after the last revision's %%EOF?"""
    return bool(data[end:].strip(b"\r\n\t\f\x00 "))


def open_reader(data: bytes) -> Any:
    """A pypdf reader over ``data``; Refused if it cannot be parsed or is encrypted."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
        if not encrypted:
            _ = reader.trailer["/Root"].get_object()
    except RecursionError:
        raise Refused("verify.why.nested") from None
    except Exception as e:  # pypdf raises many kinds on a broken file; all mean the same here
        raise Refused("verify.why.unparsable", msg=_short(e)) from None
    if encrypted:
        raise Refused("verify.why.encrypted")
    return reader


def _short(e: BaseException) -> str:
    return (str(e) or type(e).__name__)[:200]


class Inflater:
    """Decodes streams of a hostile file: only FlateDecode (or no filter), each to a limit, all of
    them together to MAX_INFLATE_TOTAL."""

    def __init__(self) -> None:
        self.total = 0

    def data(self, stream: Any, limit: int = MAX_STREAM_BYTES) -> bytes | None:
        """The stream's decoded bytes, or None when they exceed ``limit`` (more than expected).
        Refused for a filter other than FlateDecode, damaged data, or a stream that inflates
        past MAX_STREAM_BYTES (a bomb: inflated in pieces and thrown away to find out)."""
        raw = stream_raw(stream)
        filters = _filters(stream)
        if not filters:
            return raw if len(raw) <= limit else None
        if filters != ["/FlateDecode"] or stream.get("/DecodeParms") is not None:
            raise Refused("verify.why.filter", filter=" ".join(filters))
        out = io.BytesIO()
        size = 0
        d = zlib.decompressobj()
        try:
            for piece in _chunks(raw):
                buf = piece
                while buf:
                    got = d.decompress(buf, _CHUNK)
                    size += len(got)
                    self._count(len(got))
                    if size > MAX_STREAM_BYTES:
                        raise Refused("verify.why.bomb", limit=MAX_STREAM_BYTES)
                    if size <= limit:
                        out.write(got)
                    buf = d.unconsumed_tail
                if d.eof:
                    break
            rest = d.flush(_CHUNK)
            size += len(rest)
            if size <= limit:
                out.write(rest)
        except zlib.error:
            raise Refused("verify.why.malformed", what="FlateDecode") from None
        return out.getvalue() if size <= limit else None

    def _count(self, n: int) -> None:
        self.total += n
        if self.total > MAX_INFLATE_TOTAL:
            raise Refused("verify.why.bomb", limit=MAX_INFLATE_TOTAL)


def _chunks(raw: bytes) -> Iterator[bytes]:
    for i in range(0, len(raw), _CHUNK):
        yield raw[i : i + _CHUNK]


def stream_raw(stream: Any) -> bytes:
    """A stream's bytes as stored in the file (pypdf keeps them in ``_data``)."""
    raw = getattr(stream, "_data", None)
    if not isinstance(raw, bytes):
        raise Refused("verify.why.malformed", what="stream")
    return raw


def _filters(stream: Any) -> list[str]:
    f = stream.get("/Filter")
    if f is None:
        return []
    f = f.get_object()
    if isinstance(f, list):
        return [str(x) for x in f]
    return [str(f)]


def embedded_files(reader: Any, inflater: Inflater, limit: int) -> dict[str, bytes | None]:
    """The document's attachments by name (the EmbeddedFiles name tree, flat or with a few
    levels of kids), each decoded to ``limit`` bytes (None when bigger)."""
    root = reader.trailer["/Root"].get_object()
    names = root.get("/Names")
    tree = names.get_object().get("/EmbeddedFiles") if names is not None else None
    out: dict[str, bytes | None] = {}
    if tree is None:
        return out
    todo: list[tuple[Any, int]] = [(tree.get_object(), 0)]
    while todo:
        node, depth = todo.pop()
        if depth > 4 or len(out) > 64:
            raise Refused("verify.why.nested")
        for kid in node.get("/Kids") or []:
            todo.append((kid.get_object(), depth + 1))
        pairs = node.get("/Names") or []
        for i in range(0, len(pairs) - 1, 2):
            name = str(pairs[i])
            spec = pairs[i + 1].get_object()
            ef = spec.get("/EF") if hasattr(spec, "get") else None
            f = ef.get_object().get("/F") if ef is not None else None
            out[name] = inflater.data(f.get_object(), limit) if f is not None else None
    return out
