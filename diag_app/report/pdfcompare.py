"""A report file compared with a fresh rendering of the same report, object by object.

The fresh rendering is trusted (this app made it a moment ago); the file is not: its streams go
through ``pdfsafe.Inflater`` and no stream of it is inflated past the size of the fresh one. What
a viewer shows is what is compared: every page (its content, the fonts and pictures it draws,
its boxes, its annotations, any other entry), the document catalog (bookmarks, open actions,
forms, name trees), the attachments and the document information. Objects a viewer never reaches
do not matter and are not compared; revisions are ``pdfsafe.revisions``' business.

Each difference is a ``Finding``: a ``verify.diff.*`` message key with its parameters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .pdfsafe import Inflater, Refused

_BOXES = ("/MediaBox", "/CropBox", "/TrimBox", "/BleedBox", "/ArtBox")
_STREAM_ENCODING = ("/Length", "/Filter", "/DecodeParms")
# what pyHanko's signing changes in the revision it signs, besides the widget: the form holding
# the signature, the PAdES extension and PDF version, XMP metadata, the modification date and
# producer (all inside the signed bytes, so the signer vouches for them)
SIGNING_CATALOG = ("/AcroForm", "/Extensions", "/Metadata", "/Version")
SIGNING_INFO = ("/ModDate", "/Producer")


@dataclass(frozen=True)
class Finding:
    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SignatureAllowance:
    """What signing adds to the revision it signs: one signature widget on ``page`` (0-based) and
    the form that holds it in the catalog."""

    page: int


class Comparer:
    def __init__(self, inflater: Inflater):
        self.inflater = inflater
        self._same: set[tuple[int, int]] = set()
        # page objects by reference -> page index: a link or bookmark to a page is compared by
        # which page it goes to (the pages themselves are compared one by one)
        self._file_pages: dict[int, int] = {}
        self._fresh_pages: dict[int, int] = {}

    # --- generic -----------------------------------------------------------------------------

    def same(self, file_obj: Any, fresh_obj: Any) -> bool:
        """Do the two objects mean the same to a viewer? Streams by their decoded data,
        references by what they point to (cycles handled), numbers by value."""
        from pypdf.generic import IndirectObject

        stack = [(file_obj, fresh_obj)]
        seen: set[tuple[int, int]] = set()
        while stack:
            x, y = stack.pop()
            if isinstance(x, IndirectObject) or isinstance(y, IndirectObject):
                key = (_ref_id(x), _ref_id(y))
                if key[0] in self._file_pages or key[1] in self._fresh_pages:
                    if self._file_pages.get(key[0], -1) != self._fresh_pages.get(key[1], -2):
                        return False
                    continue
                if key in self._same or key in seen:
                    continue
                seen.add(key)
                x, y = _resolve(x), _resolve(y)
            pairs = self._step(x, y)
            if pairs is None:
                return False
            stack.extend(pairs)
        self._same |= seen
        return True

    def _step(self, x: Any, y: Any) -> list[tuple[Any, Any]] | None:
        """The pairs still to compare below (x, y), or None when they already differ."""
        from pypdf.generic import ArrayObject, DictionaryObject, StreamObject

        if isinstance(y, StreamObject):
            if not isinstance(x, StreamObject):
                return None
            if not self.same_stream_data(x, y):
                return None
            return self._dict_pairs(x, y, skip=_STREAM_ENCODING)
        if isinstance(y, DictionaryObject):
            if not isinstance(x, DictionaryObject) or isinstance(x, StreamObject):
                return None
            return self._dict_pairs(x, y)
        if isinstance(y, ArrayObject):
            if not isinstance(x, ArrayObject) or len(x) != len(y):
                return None
            return list(zip(x, y, strict=True))
        return [] if _scalar(x) == _scalar(y) else None

    @staticmethod
    def _dict_pairs(x: Any, y: Any, skip: Iterable[str] = ()) -> list[tuple[Any, Any]] | None:
        skip = set(skip)
        kx = {str(k) for k in x} - skip
        ky = {str(k) for k in y} - skip
        if kx != ky:
            return None
        return [(x.raw_get(k), y.raw_get(k)) for k in sorted(ky)]

    def same_stream_data(self, x: Any, y: Any) -> bool:
        from .pdfsafe import stream_raw

        expected = y.get_data()
        if x.get("/Filter") == y.get("/Filter") and stream_raw(x) == stream_raw(y):
            return True
        if not _plain_or_flate(x):  # a JPEG or other encoding where we wrote Flate: it differs
            return False
        got = self.inflater.data(x, limit=len(expected))
        return got == expected

    def same_content(self, x: Any, y: Any) -> bool:
        """Page contents: a stream or an array of streams, compared as the one sequence of
        operators a viewer runs."""
        fresh = b"".join(s.get_object().get_data() for s in _streams(y))
        got = bytearray()
        for s in _streams(x):
            if not _plain_or_flate(s.get_object()):
                return False
            part = self.inflater.data(s.get_object(), limit=len(fresh) - len(got) + 1)
            if part is None:
                return False
            got += part
            if len(got) > len(fresh):
                return False
        return bytes(got) == fresh

    # --- the report's structure --------------------------------------------------------------

    def compare(self, file_reader: Any, fresh_reader: Any, allow: SignatureAllowance | None = None) -> list[Finding]:
        out: list[Finding] = []
        try:
            file_pages = list(file_reader.pages)
        except RecursionError:
            raise Refused("verify.why.nested") from None
        except Refused:
            raise
        except Exception as e:
            raise Refused("verify.why.unparsable", msg=str(e)[:200]) from None
        fresh_pages = list(fresh_reader.pages)
        self._file_pages = {_page_ref(p): i for i, p in enumerate(file_pages)}
        self._fresh_pages = {_page_ref(p): i for i, p in enumerate(fresh_pages)}
        n, m = len(file_pages), len(fresh_pages)
        if n > m:
            out.append(Finding("verify.diff.pages_extra", {"pages": _list(range(m + 1, n + 1)), "n": n, "m": m}))
        elif n < m:
            out.append(Finding("verify.diff.pages_missing", {"n": n, "m": m}))
        for i in range(min(n, m)):
            out += self.page(i, file_pages[i], fresh_pages[i], allow)
        out += self.catalog(file_reader, fresh_reader, allow)
        out += self.info(file_reader, fresh_reader, allow)
        return out

    def page(self, i: int, x: Any, y: Any, allow: SignatureAllowance | None) -> list[Finding]:
        page = i + 1
        out: list[Finding] = []
        keys = ({str(k) for k in x} | {str(k) for k in y}) - {"/Parent"}
        for key in sorted(keys):
            a, b = x.raw_get(key) if key in x else None, y.raw_get(key) if key in y else None
            if key == "/Contents":
                if a is None or not self.same_content(a, b):
                    out.append(Finding("verify.diff.page_content", {"page": page}))
            elif key == "/Resources":
                out += self.resources(page, a, b)
            elif key == "/Annots":
                out += self.annots(i, a, b, allow)
            elif key in _BOXES:
                if a is None or b is None or not self.same(a, b):
                    out.append(
                        Finding("verify.diff.page_box", {"page": page, "box": key[1:], "got": _box(a), "want": _box(b)})
                    )
            elif a is None or b is None or not self.same(a, b):
                out.append(Finding("verify.diff.page_entry", {"page": page, "entry": key}))
        return out

    def resources(self, page: int, a: Any, b: Any) -> list[Finding]:
        from pypdf.generic import DictionaryObject

        a, b = _resolve(a), _resolve(b)
        if not isinstance(a, DictionaryObject) or not isinstance(b, DictionaryObject):
            return [Finding("verify.diff.page_resources", {"page": page, "what": "/Resources"})]
        out: list[Finding] = []
        for kind in sorted({str(k) for k in a} | {str(k) for k in b}):
            ra, rb = _resolve(a.raw_get(kind)) if kind in a else None, _resolve(b.raw_get(kind)) if kind in b else None
            if ra is None or rb is None or not isinstance(ra, DictionaryObject) or not isinstance(rb, DictionaryObject):
                if ra is None or rb is None or not self.same(ra, rb):
                    out.append(Finding("verify.diff.page_resources", {"page": page, "what": kind}))
                continue
            for name in sorted({str(k) for k in ra} | {str(k) for k in rb}):
                if name in ra and name in rb and self.same(ra.raw_get(name), rb.raw_get(name)):
                    continue
                key = {"/XObject": "verify.diff.page_image", "/Font": "verify.diff.page_font"}.get(
                    kind, "verify.diff.page_resources"
                )
                out.append(Finding(key, {"page": page, "what": f"{kind}{name}", "name": name[1:]}))
        return out

    def annots(self, i: int, a: Any, b: Any, allow: SignatureAllowance | None) -> list[Finding]:
        from pypdf.generic import ArrayObject

        page = i + 1
        got = list(_resolve(a)) if isinstance(_resolve(a), ArrayObject) else ([] if a is None else [a])
        want = list(_resolve(b)) if isinstance(_resolve(b), ArrayObject) else ([] if b is None else [b])
        if allow is not None and allow.page == i and len(got) == len(want) + 1 and _is_sig_widget(got[-1]):
            got = got[:-1]
        if len(got) > len(want) and all(self.same(x, y) for x, y in zip(got, want, strict=False)):
            added = [_subtype(x) for x in got[len(want) :]]
            return [Finding("verify.diff.annots_added", {"page": page, "n": len(added), "kinds": ", ".join(added)})]
        if len(got) != len(want) or not all(self.same(x, y) for x, y in zip(got, want, strict=True)):
            return [Finding("verify.diff.annots_changed", {"page": page})]
        return []

    def catalog(self, file_reader: Any, fresh_reader: Any, allow: SignatureAllowance | None) -> list[Finding]:
        x = file_reader.trailer["/Root"].get_object()
        y = fresh_reader.trailer["/Root"].get_object()
        out: list[Finding] = []
        for key in sorted(({str(k) for k in x} | {str(k) for k in y}) - {"/Pages", "/Names"}):
            if allow is not None and key in SIGNING_CATALOG and key not in y:
                continue  # what signing adds (the signature's form, PAdES extension, XMP)
            if key in x and key in y and self.same(x.raw_get(key), y.raw_get(key)):
                continue
            what = "verify.diff.outline" if key == "/Outlines" else "verify.diff.catalog"
            out.append(Finding(what, {"entry": key}))
        out += self.names(_resolve(x.raw_get("/Names")) if "/Names" in x else None, y.get("/Names"))
        return out

    def names(self, a: Any, b: Any) -> list[Finding]:
        from pypdf.generic import DictionaryObject

        b = _resolve(b)
        if not isinstance(a, DictionaryObject):
            return [Finding("verify.diff.catalog", {"entry": "/Names"})] if b is not None else []
        out = []
        for key in sorted({str(k) for k in a} | {str(k) for k in b}):
            if key == "/EmbeddedFiles":
                continue  # the attachments are compared by name, below
            if key not in a or key not in b or not self.same(a.raw_get(key), b.raw_get(key)):
                out.append(Finding("verify.diff.catalog", {"entry": f"/Names{key}"}))
        return out

    def attachments(self, got: dict[str, bytes | None], want: dict[str, bytes | None]) -> list[Finding]:
        out = []
        for name in sorted(set(got) - set(want)):
            out.append(Finding("verify.diff.attachment_added", {"name": name}))
        for name in sorted(set(want) - set(got)):
            out.append(Finding("verify.diff.attachment_missing", {"name": name}))
        return out

    def info(self, file_reader: Any, fresh_reader: Any, allow: SignatureAllowance | None = None) -> list[Finding]:
        x = _resolve(file_reader.trailer.raw_get("/Info")) if "/Info" in file_reader.trailer else None
        y = _resolve(fresh_reader.trailer.raw_get("/Info"))
        if x is None:
            return [Finding("verify.diff.info", {"entry": "/Info", "got": "—", "want": "…"})]
        out = []
        for key in sorted({str(k) for k in x} | {str(k) for k in y}):
            a, b = x.raw_get(key) if key in x else None, y.raw_get(key) if key in y else None
            if allow is not None and key in SIGNING_INFO:
                continue
            if a is None or b is None or not self.same(a, b):
                out.append(Finding("verify.diff.info", {"entry": key, "got": _text(a), "want": _text(b)}))
        return out


def _plain_or_flate(stream: Any) -> bool:
    from pypdf.generic import ArrayObject

    f = _resolve(stream.get("/Filter"))
    names = [str(_resolve(x)) for x in f] if isinstance(f, ArrayObject) else [] if f is None else [str(f)]
    return names in ([], ["/FlateDecode"]) and stream.get("/DecodeParms") is None


def _page_ref(page: Any) -> int:
    ref = getattr(page, "indirect_reference", None)
    return ref.idnum if ref is not None else -id(page)


def _ref_id(x: Any) -> int:
    from pypdf.generic import IndirectObject

    return x.idnum if isinstance(x, IndirectObject) else -id(x)


def _resolve(x: Any) -> Any:
    from pypdf.generic import IndirectObject

    hops = 0
    while isinstance(x, IndirectObject):
        x = x.get_object()
        hops += 1
        if hops > 8:
            raise Refused("verify.why.nested")
    return x


def _streams(x: Any) -> list[Any]:
    from pypdf.generic import ArrayObject, StreamObject

    x = _resolve(x)
    out = [_resolve(s) for s in x] if isinstance(x, ArrayObject) else [x]
    if not all(isinstance(s, StreamObject) for s in out):
        return []
    return out


def _scalar(v: Any) -> Any:
    from pypdf.generic import ByteStringObject, NameObject, NullObject, TextStringObject

    if v is None or isinstance(v, NullObject):
        return None
    if isinstance(v, TextStringObject):
        return ("s", v.original_bytes)
    if isinstance(v, ByteStringObject):
        return ("s", bytes(v))
    if isinstance(v, NameObject):
        return ("n", str(v))
    if isinstance(v, bool):
        return ("b", v)
    if isinstance(v, int | float):
        return ("v", float(v))
    return ("?", type(v).__name__, repr(v)[:200])


def _is_sig_widget(ref: Any) -> bool:
    w = _resolve(ref)
    if not hasattr(w, "get") or w.get("/Subtype") != "/Widget":
        return False
    ft = w.get("/FT")
    if ft is None and w.get("/Parent") is not None:
        ft = _resolve(w["/Parent"]).get("/FT")
    return ft == "/Sig"


def _subtype(ref: Any) -> str:
    a = _resolve(ref)
    kind = str(a.get("/Subtype", ""))[1:] if hasattr(a, "get") else ""
    return kind or "?"


def _box(v: Any) -> str:
    v = _resolve(v)
    if v is None:
        return "—"
    try:
        return "[" + " ".join(f"{float(_resolve(n)):g}" for n in v) + "]"
    except (TypeError, ValueError):
        return "?"


def _text(v: Any) -> str:
    v = _resolve(v)
    if v is None:
        return "—"
    return str(v)[:80]


def _list(pages: Iterable[int]) -> str:
    ps = list(pages)
    return ", ".join(str(p) for p in ps[:10]) + (" …" if len(ps) > 10 else "")
