"""Assessment bundles (``.sfd``): the zip files that carry assessments between laptops. Writing
them is ``bundle_write.py``; this module is the format and its reading.

Layout (see docs/bundle-format.md)::

    manifest.json                      format tag, app version, created, every other member + SHA-256
    assessments/<uuid>-r<rev>.json     an assessment file ("smart-factory-assessment/1") plus uuid,
                                       revision, status, timestamps and evidence references
    evidence/<sha256>                  evidence files, named by the SHA-256 of their content

Reading validates the whole file and returns plain data; nothing here touches the database. A
file that breaks any rule raises ``BundleRejected`` naming the member and the rule.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import uuid
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ..assessment_file import load_assessment_data, pack_for_data, parse_json_bytes
from ..errors import os_reason_msg
from ..model.assessment import Assessment, AssessmentInvalid, Problem
from ..model.questionnaire import Pack
from ..validation import JSON_LIMITS, read_input, shape_problems
from .errors import BundleRejected

FORMAT = "smart-factory-bundle/1"
MANIFEST = "manifest.json"
STATUSES = ("draft", "final")
MiB = 1024 * 1024

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
ASSESSMENT_MEMBER = re.compile(rf"assessments/({_UUID})-r([1-9][0-9]{{0,8}})\.json")
EVIDENCE_MEMBER = re.compile(r"evidence/([0-9a-f]{64})")
SHA256 = re.compile(r"[0-9a-f]{64}")
DIRECTORIES = ("assessments/", "evidence/")


@dataclass(frozen=True)
class Limits:
    """What a bundle may hold; anything beyond is rejected before a byte is written."""

    max_members: int = 20_000
    max_json: int = JSON_LIMITS.max_bytes  # manifest and each assessment
    max_evidence: int = 50 * MiB  # each evidence file (the workspace's own limit)
    max_total: int = 4096 * MiB  # all members, uncompressed
    max_ratio: float = 100.0  # uncompressed / compressed, for members larger than ratio_floor
    ratio_floor: int = 1 * MiB


LIMITS = Limits()


@dataclass(frozen=True)
class EvidenceRef:
    item: str
    sha256: str
    name: str
    size: int
    added: str
    who: str = ""


@dataclass(frozen=True)
class AnswerMeta:
    who: str
    updated: str


@dataclass(frozen=True)
class Entry:
    """One assessment revision read from a bundle or a plain assessment file, fully validated."""

    member: str  # "" for a plain assessment file
    pack: Pack
    assessment: Assessment  # with uuid and revision set
    status: str
    created: str
    updated: str
    finalised: str | None
    answer_meta: dict[str, AnswerMeta] = field(default_factory=dict)
    evidence: tuple[EvidenceRef, ...] = ()


@dataclass(frozen=True)
class EntryInfo:
    """What the importer needs to know of a revision before it writes it: the revision is read
    again (and its digest checked again) when it is written, so a bundle of many large
    assessments is never held in memory at once."""

    member: str  # "" for a plain assessment file
    uuid: str  # "" for a plain file never stored in a workspace
    revision: int
    status: str
    enterprise_name: str
    credit_code: str


@dataclass(frozen=True)
class Bundle:
    """A validated bundle or plain assessment file: its revisions, its evidence members
    (sha256 -> member name) and the digests of the members holding the revisions."""

    file: Path
    entries: list[EntryInfo]
    evidence: dict[str, str]
    referenced: frozenset[str] = frozenset()  # the evidence the revisions refer to
    digests: dict[str, str] = field(default_factory=dict)  # member ("" for a plain file) -> sha256
    limits: Limits = LIMITS

    def load(self, info: EntryInfo) -> Entry:
        """The revision ``info`` read again, fully validated; BundleRejected ("changed") if the
        file is no longer what was validated."""
        if info.member:
            with _zip(self.file) as z:
                try:
                    member = z.getinfo(info.member)
                except KeyError:
                    raise BundleRejected(self.file, info.member, "changed") from None
                digest, _, body = _digest(self.file, z, member, self.limits.max_json, keep=True)
            if digest != self.digests[info.member]:
                raise BundleRejected(self.file, info.member, "changed")
            return _entry(self.file, info.member, body, self.evidence)
        body = _read_plain_bytes(self.file, self.limits)
        if hashlib.sha256(body).hexdigest() != self.digests[""]:
            raise BundleRejected(self.file, "", "changed")
        return entry_from_data(self.file, "", _json(self.file, "", body), None)


def _info(e: Entry) -> EntryInfo:
    a = e.assessment
    return EntryInfo(e.member, a.uuid, a.revision, e.status, a.enterprise.name, a.enterprise.credit_code)


# --- reading ------------------------------------------------------------------------------


def _check_name(file: Path, name: str) -> None:
    parts = re.split(r"[/\\]", name)
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        raise BundleRejected(file, name, "absolute_path")
    if ".." in parts:
        raise BundleRejected(file, name, "parent_ref")
    if "\\" in name or any(ord(c) < 32 or ord(c) == 127 for c in name) or "." in parts or len(name) > 300:
        raise BundleRejected(file, name, "bad_name")


def _kind(name: str) -> str | None:
    if name == MANIFEST:
        return "manifest"
    if ASSESSMENT_MEMBER.fullmatch(name):
        return "assessment"
    if EVIDENCE_MEMBER.fullmatch(name):
        return "evidence"
    return None


def _stream(file: Path, z: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> Iterator[bytes]:
    """The member's bytes in chunks, never more than ``cap`` in total whatever the header says."""
    total = 0
    try:
        with z.open(info) as f:
            while chunk := f.read(MiB):
                total += len(chunk)
                if total > cap:
                    raise BundleRejected(file, info.filename, "member_too_large", limit_mb=cap // MiB)
                yield chunk
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        zipfile.LargeZipFile,
        NotImplementedError,
        ValueError,
        RuntimeError,
    ) as e:  # a damaged deflate stream is zlib.error; an encrypted one RuntimeError
        raise BundleRejected(file, info.filename, "truncated", detail=str(e)[:200]) from None


def _digest(file: Path, z: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, keep: bool) -> tuple[str, int, bytes]:
    h = hashlib.sha256()
    size = 0
    parts = []
    for chunk in _stream(file, z, info, cap):
        h.update(chunk)
        size += len(chunk)
        if keep:
            parts.append(chunk)
    return h.hexdigest(), size, b"".join(parts)


@contextmanager
def _zip(file: Path) -> Iterator[zipfile.ZipFile]:
    """The bundle as a zip, opened only if it is a regular file (never blocking on a FIFO, never
    reading a device), closed afterwards."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(file, flags)
    except OSError as e:
        raise BundleRejected(file, "", "unreadable", detail=os_reason_msg(e)) from None
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    except OSError:
        regular = False
    if not regular:
        os.close(fd)
        raise BundleRejected(file, "", "not_regular")
    with os.fdopen(fd, "rb") as f:
        try:
            head = f.read(4)
            f.seek(0)
        except OSError as e:
            raise BundleRejected(file, "", "unreadable", detail=os_reason_msg(e)) from None
        try:
            z = zipfile.ZipFile(f)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as e:
            rule = "truncated" if head == b"PK\x03\x04" else "not_zip"
            raise BundleRejected(file, "", rule, detail=str(e)[:200]) from None
        with z:
            yield z


def read_bundle(file: str | Path, limits: Limits | None = None) -> Bundle:
    """Validate every rule of the bundle format and return its contents.

    Checked, in order: a readable zip; member count; each member's name (no absolute path, no
    ``..``, no links, no duplicates, only the members the format defines), encryption, sizes and
    compression ratio from the directory; the manifest (format tag, file list); every member's
    digest and size against the manifest while reading it (reads are capped, so a lying header
    cannot inflate past the limits); each assessment against its pack."""
    file = Path(file)
    lim = limits or LIMITS
    with _zip(file) as z:
        infos = z.infolist()
        if len(infos) > lim.max_members:
            raise BundleRejected(file, "", "too_many_members", n=len(infos), limit=lim.max_members)
        seen: set[str] = set()
        members: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            _check_name(file, name)
            folded = name.casefold()
            if folded in seen:
                raise BundleRejected(file, name, "duplicate")
            seen.add(folded)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise BundleRejected(file, name, "symlink")
            if info.flag_bits & 0x1:
                raise BundleRejected(file, name, "encrypted")
            if name in DIRECTORIES and info.file_size == 0:
                continue
            kind = _kind(name)
            if kind is None or info.is_dir():
                raise BundleRejected(file, name, "unexpected_member")
            cap = lim.max_evidence if kind == "evidence" else lim.max_json
            if info.file_size > cap:
                raise BundleRejected(file, name, "member_too_large", limit_mb=cap // MiB)
            total += info.file_size
            if total > lim.max_total:
                raise BundleRejected(file, name, "total_too_large", limit_mb=lim.max_total // MiB)
            if info.file_size > lim.ratio_floor and (
                info.compress_size <= 0 or info.file_size / info.compress_size > lim.max_ratio
            ):
                ratio = info.file_size / max(info.compress_size, 1)
                raise BundleRejected(file, name, "ratio", ratio=round(ratio), limit=round(lim.max_ratio))
            members[name] = info

        if MANIFEST not in members:
            raise BundleRejected(file, MANIFEST, "no_manifest")
        listed = _read_manifest(file, z, members[MANIFEST], lim)
        for name in members:
            if name != MANIFEST and name not in listed:
                raise BundleRejected(file, name, "not_listed")
        for name in listed:
            if name not in members:
                raise BundleRejected(file, name, "missing_member")

        evidence: dict[str, str] = {}
        assessments: list[str] = []
        digests: dict[str, str] = {}
        read_total = 0
        for name, (sha, size) in listed.items():
            info = members[name]
            kind = _kind(name)
            cap = lim.max_evidence if kind == "evidence" else lim.max_json
            digest, actual, _ = _digest(file, z, info, cap, keep=False)
            read_total += actual
            if read_total > lim.max_total:
                raise BundleRejected(file, name, "total_too_large", limit_mb=lim.max_total // MiB)
            if digest != sha:
                raise BundleRejected(file, name, "digest", expected=sha, actual=digest)
            if actual != size:
                raise BundleRejected(file, name, "size", expected=size, actual=actual)
            if kind == "assessment":
                assessments.append(name)
                digests[name] = digest
            else:
                m = EVIDENCE_MEMBER.fullmatch(name)
                assert m is not None
                if m.group(1) != digest:
                    raise BundleRejected(file, name, "name_mismatch", expected=m.group(1), actual=digest)
                evidence[digest] = name

        # each revision read and validated on its own, then let go of (only its summary is kept)
        infos_out: list[EntryInfo] = []
        referenced: set[str] = set()
        for name in sorted(assessments):
            digest, _, body = _digest(file, z, members[name], lim.max_json, keep=True)
            if digest != digests[name]:
                raise BundleRejected(file, name, "changed")
            e = _entry(file, name, body, evidence)
            del body
            infos_out.append(_info(e))
            referenced.update(ref.sha256 for ref in e.evidence)
    return Bundle(file, infos_out, evidence, frozenset(referenced), digests, lim)


def _read_manifest(file: Path, z: zipfile.ZipFile, info: zipfile.ZipInfo, lim: Limits) -> dict[str, tuple[str, int]]:
    _, _, body = _digest(file, z, info, lim.max_json, keep=True)
    data = _json(file, MANIFEST, body)
    if not isinstance(data, dict):
        raise BundleRejected(file, MANIFEST, "manifest_invalid", field="$")
    if data.get("format") != FORMAT:
        raise BundleRejected(file, MANIFEST, "format", value=str(data.get("format"))[:100], expected=FORMAT)
    problems = shape_problems("manifest", data)
    if problems:
        raise BundleRejected(file, MANIFEST, "manifest_invalid", problems=problems, field=problems[0].field)
    listed: dict[str, tuple[str, int]] = {}
    for f in data["files"]:
        name, sha, size = f["name"], f["sha256"], f["size"]
        _check_name(file, name)
        if name in listed or name == MANIFEST:
            raise BundleRejected(file, name, "duplicate")
        listed[name] = (sha, size)
    return listed


def _json(file: Path, member: str, body: bytes) -> Any:
    try:
        return parse_json_bytes(body)
    except AssessmentInvalid as e:
        raise BundleRejected(file, member, "json", problems=e.problems) from None


def _text(v: Any, default: str = "") -> str:
    return v if isinstance(v, str) and len(v) <= 1000 else default


def _iso(v: Any) -> str | None:
    if not isinstance(v, str) or len(v) > 40:
        return None
    try:
        datetime.fromisoformat(v)
    except ValueError:
        return None
    return v


def safe_name(name: str) -> str:
    """An original file name reduced to something harmless to show (never used as a path)."""
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(c for c in name if ord(c) >= 32 and ord(c) != 127).strip()
    return name[:255] or "evidence"


def entry_from_data(file: Path, member: str, data: Any, evidence: dict[str, str] | None) -> Entry:
    """Validate one assessment's JSON structure (bundle member or plain file). ``evidence`` is the
    bundle's evidence digests, or None for a plain file (whose evidence references are dropped:
    the files themselves travel only in bundles)."""
    try:
        pack = pack_for_data(data)
    except AssessmentInvalid as e:
        p = e.problems[0]
        if p.key == "cli.no_pack":
            raise BundleRejected(
                file, member, "unknown_pack", id=str(p.params.get("id")), version=str(p.params.get("version"))
            ) from None
        raise BundleRejected(file, member, "assessment", problems=e.problems) from None
    try:
        pack, a = load_assessment_data(data)
    except AssessmentInvalid as e:
        raise BundleRejected(file, member, "assessment", problems=e.problems) from None
    assert isinstance(data, dict)
    if a.uuid:
        try:
            a = replace(a, uuid=str(uuid.UUID(a.uuid)))
        except ValueError:
            problems = [Problem("uuid", "field.uuid", {"value": a.uuid})]
            raise BundleRejected(file, member, "assessment", problems=problems) from None
    if member:
        m = ASSESSMENT_MEMBER.fullmatch(member)
        assert m is not None
        if a.uuid.lower() != m.group(1) or a.revision != int(m.group(2)) or "revision" not in data:
            raise BundleRejected(
                file, member, "name_mismatch", expected=f"{m.group(1)} r{m.group(2)}", actual=f"{a.uuid} r{a.revision}"
            )
    status = data.get("status", "draft")
    if status not in STATUSES:
        raise BundleRejected(file, member, "status", value=str(status), allowed=", ".join(STATUSES))
    meta: dict[str, AnswerMeta] = {}
    for row in data.get("answers") or []:
        if isinstance(row, dict) and row.get("id") in a.answers:
            meta[row["id"]] = AnswerMeta(_text(row.get("who")), _iso(row.get("updated")) or "")
    refs: list[EvidenceRef] = []
    raw_refs = data.get("evidence", [])
    if evidence is not None:
        if not isinstance(raw_refs, list):
            raise BundleRejected(file, member, "evidence_ref", index="evidence")
        for i, r in enumerate(raw_refs):
            if (
                not isinstance(r, dict)
                or not isinstance(r.get("sha256"), str)
                or r["sha256"] not in evidence
                or not isinstance(r.get("item"), str)
                or pack.item(r["item"]) is None
                or not isinstance(r.get("name"), str)
            ):
                raise BundleRejected(file, member, "evidence_ref", index=f"evidence[{i}]")
            size = r.get("size")
            refs.append(
                EvidenceRef(
                    item=r["item"],
                    sha256=r["sha256"],
                    name=safe_name(r["name"]),
                    size=size if isinstance(size, int) and not isinstance(size, bool) else 0,
                    added=_iso(r.get("added")) or "",
                    who=_text(r.get("who")),
                )
            )
    return Entry(
        member=member,
        pack=pack,
        assessment=a,
        status=status,
        created=_iso(data.get("created")) or "",
        updated=_iso(data.get("updated")) or "",
        finalised=_iso(data.get("finalised")),
        answer_meta=meta,
        evidence=tuple(refs),
    )


def _entry(file: Path, member: str, body: bytes, evidence: dict[str, str]) -> Entry:
    return entry_from_data(file, member, _json(file, member, body), evidence)


def _read_plain_bytes(file: Path, lim: Limits) -> bytes:
    try:
        return read_input(file, lim.max_json)
    except AssessmentInvalid as e:
        p = e.problems[0]
        if p.key == "input.too_large":
            raise BundleRejected(file, "", "member_too_large", limit_mb=lim.max_json // MiB) from None
        if p.key == "input.not_regular":
            raise BundleRejected(file, "", "not_regular") from None
        raise BundleRejected(file, "", "unreadable", detail=str(p.params.get("msg", ""))) from None


def read_plain(file: str | Path, limits: Limits | None = None) -> Bundle:
    """Validate a plain assessment file (JSON) for import."""
    file = Path(file)
    lim = limits or LIMITS
    body = _read_plain_bytes(file, lim)
    e = entry_from_data(file, "", _json(file, "", body), None)
    return Bundle(file, [_info(e)], {}, frozenset(), {"": hashlib.sha256(body).hexdigest()}, lim)


def copy_member(file: Path, member: str, sha256: str, dst: Path, cap: int) -> None:
    """Copy one evidence member to ``dst``, checking its digest again (the file may have changed
    since it was validated)."""
    h = hashlib.sha256()
    with _zip(file) as z, open(dst, "wb") as out:
        try:
            info = z.getinfo(member)
        except KeyError:
            raise BundleRejected(file, member, "missing_member") from None
        for chunk in _stream(file, z, info, cap):
            h.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if h.hexdigest() != sha256:
        raise BundleRejected(file, member, "digest", expected=sha256, actual=h.hexdigest())
