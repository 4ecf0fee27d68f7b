"""Every error a user can meet is worded in their language, with what to do next (diag_app/errors.py,
diag_app/error_text.py), and there is one Progress and one Cancelled (diag_app/progress.py)."""

from __future__ import annotations

import ast
import errno
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import diag_app
from diag_app.error_text import error_message, error_text, is_expected
from diag_app.errors import AppError, Msg
from diag_app.i18n import MESSAGES, tr
from diag_app.model.assessment import AssessmentInvalid, Problem
from diag_app.model.support import SupportArgumentError
from diag_app.progress import Cancelled, Progress
from diag_app.report.fonts import FontMissing
from diag_app.store import (
    AssessmentFinal,
    AssessmentNotFound,
    BundleRejected,
    DatabaseCorrupt,
    DatabaseLocked,
    EnterpriseNotFound,
    EvidenceMissing,
    EvidenceTooLarge,
    ImportCancelled,
    NotADatabase,
    PackUnavailable,
    SchemaTooNew,
    StorageFailed,
    StoreError,
)

CJK = re.compile(r"[\u4e00-\u9fff]")
SHA = "a" * 64


def _instances(tmp: Path) -> list[BaseException]:
    return [
        NotADatabase(tmp / "x.db"),
        DatabaseCorrupt(tmp / "ws.db", "file is not a database", [tmp / "backups" / "b.db"]),
        DatabaseCorrupt(tmp / "ws.db", "file is not a database", []),
        DatabaseLocked(tmp / "ws.db", 5.0),
        SchemaTooNew(tmp / "ws.db", 9, 4),
        StorageFailed(tmp / "ws.db", "disk full"),
        AssessmentNotFound("u-1", 3),
        EnterpriseNotFound("91310000MA1FL8XQ30"),
        AssessmentFinal("u-1", 2),
        PackUnavailable("sh-smart-factory", "9.9.9"),
        EvidenceTooLarge(tmp / "big.mp4", 80 * 1_048_576, 50 * 1_048_576),
        EvidenceMissing(SHA, "scan.pdf", tmp / "evidence" / SHA),
        BundleRejected(tmp / "a.sfd", "evidence/" + SHA, "digest", expected=SHA, actual="b" * 64),
        BundleRejected(tmp / "b.sfd", "", "not_zip"),
        ImportCancelled(),
        Cancelled(),
        FontMissing(tmp / "fonts" / "NotoSansSC_400Regular.ttf"),
        SupportArgumentError("tech-renovation-loan", "loan-rate"),
        AssessmentInvalid([Problem("enterprise.credit_code", "credit_code.check")]),
        OSError(errno.ENOSPC, "No space left on device", str(tmp / "out.xlsx")),
        OSError(errno.EROFS, "Read-only file system", str(tmp / "ws.db")),
        PermissionError(errno.EACCES, "Permission denied", str(tmp / "secret")),
        FileNotFoundError(errno.ENOENT, "No such file or directory", str(tmp / "gone.json")),
        IsADirectoryError(errno.EISDIR, "Is a directory", str(tmp)),
        OSError("something odd"),
        RuntimeError("boom"),
    ]


def test_every_error_has_a_title_detail_and_hint_in_chinese_and_english(tmp_path):
    for exc in _instances(tmp_path):
        zh = error_text(exc, "zh")
        en = error_text(exc, "en")
        for (title, _detail, hint), lang in ((zh, "zh"), (en, "en")):
            assert title and hint, (exc, lang)
            assert "error." not in title + hint, (exc, lang, title, hint)  # no raw message key
        assert CJK.search(zh[0]) and CJK.search(zh[2]), (exc, zh)
        assert not CJK.search(en[0] + en[2]), (exc, en)
        assert zh != en


def test_the_specifics_name_what_went_wrong(tmp_path):
    _, detail, hint = error_text(EvidenceTooLarge(tmp_path / "big.mp4", 80 * 1_048_576, 50 * 1_048_576), "en")
    assert "big.mp4" in detail and "80.0 MB" in detail and "50 MB" in hint
    _, detail, _ = error_text(DatabaseCorrupt(tmp_path / "ws.db", "bad page", [tmp_path / "b1.db"]), "zh")
    assert "bad page" in detail and str(tmp_path / "b1.db") in detail and "恢复" in detail
    _, detail, _ = error_text(DatabaseCorrupt(tmp_path / "ws.db", "bad page", []), "en")
    assert "No good backup" in detail
    _, detail, _ = error_text(BundleRejected("a.sfd", "evidence/" + SHA, "digest", expected=SHA, actual="b" * 64), "zh")
    assert "a.sfd" in detail and "evidence/" + SHA in detail and "SHA-256" in detail and "b" * 64 in detail
    problems = [Problem(f"answers[{i}]", "answer.unknown_id", {"id": f"x{i}"}) for i in range(30)]
    _, detail, _ = error_text(BundleRejected("c.sfd", "assessments/u-r1.json", "assessment", problems), "en")
    assert "x0" in detail and "x11" in detail and "x12" not in detail and "18 more" in detail
    _, detail, _ = error_text(AssessmentInvalid([Problem("enterprise.credit_code", "credit_code.check")]), "zh")
    assert tr("credit_code.check", "zh") in detail
    _, detail, _ = error_text(SupportArgumentError("tech-renovation-loan", "loan-rate"), "zh")
    assert "tech-renovation-loan" in detail


def test_a_missing_font_reaches_a_chinese_user_in_chinese_with_a_hint(tmp_path):
    font = tmp_path / "fonts" / "NotoSansSC_400Regular.ttf"
    title, detail, hint = error_text(FontMissing(font), "zh")
    assert title == tr("error.font_missing", "zh") and "字体" in title
    assert str(font) in detail and "找不到" in detail
    assert "重新安装" in hint
    assert is_expected(FontMissing(font))


def test_operating_system_errors_are_worded_by_kind(tmp_path):
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out.xlsx"))
    title, detail, _ = error_text(full, "zh")
    assert title == tr("error.disk_full", "zh") and "out.xlsx" in detail and "磁盘空间不足" in detail
    ro = OSError(errno.EROFS, "Read-only file system", "/media/usb/ws.db")
    title, _, hint = error_text(ro, "en")
    assert title == tr("error.read_only", "en") and "Nothing is damaged" in hint
    assert error_text(PermissionError(errno.EACCES, "x", "f"), "en")[0] == tr("error.permission", "en")
    assert error_text(FileNotFoundError(errno.ENOENT, "x", "f"), "en")[0] == tr("error.file_not_found", "en")
    title, detail, _ = error_text(OSError("odd"), "en")
    assert title == tr("error.os", "en") and detail == "odd"


def test_an_unexpected_error_says_so_and_names_itself():
    title, detail, _ = error_text(KeyError("boom"), "zh")
    assert title == tr("error.unexpected", "zh") and "KeyError" in detail and "boom" in detail
    assert not is_expected(KeyError("boom"))
    assert "KeyError" in error_message(KeyError("boom"), "en")


def test_a_subclass_gets_its_nearest_base_s_words_unless_it_has_its_own(tmp_path):
    class ReadOnlyWorkspace(StorageFailed):
        pass

    class Worded(StorageFailed):
        title_key = "error.read_only"
        hint_key = "error.read_only.hint"

    class Bare(AppError):
        pass

    e = ReadOnlyWorkspace(tmp_path / "ws.db", "read-only")
    assert error_text(e, "zh")[0] == tr("error.storage_failed", "zh") and is_expected(e)
    assert error_text(Worded(tmp_path / "ws.db", "read-only"), "en")[0] == tr("error.read_only", "en")
    title, _, hint = error_text(Bare(), "zh")
    assert title == tr("error.app", "zh") and hint == tr("error.app.hint", "zh")
    assert isinstance(ImportCancelled(), StoreError | AppError)


def test_a_nested_message_is_worded_in_the_same_language():
    class Nested(AppError):
        key = "store.rejected"

    e = Nested(file="x.sfd", rule=Msg("store.rule.ratio", {"ratio": 500, "limit": 100}))
    assert "500:1" in error_text(e, "en")[1] and "压缩比" in error_text(e, "zh")[1]


def test_every_app_error_names_message_keys_that_exist():
    for mod in pkgutil.walk_packages(diag_app.__path__, "diag_app."):
        if ".ui" in mod.name or mod.name.endswith("__main__"):
            continue
        importlib.import_module(mod.name)
    seen = []
    todo = [AppError]
    while todo:
        cls = todo.pop()
        seen.append(cls)
        todo += cls.__subclasses__()
    for cls in seen:
        if cls.__module__.startswith("tests") or cls.__module__ == __name__:
            continue
        for key in (cls.title_key, cls.hint_key):
            assert key in MESSAGES, (cls, key)
        if cls is not BundleRejected:  # its key is chosen per instance
            assert cls.key in MESSAGES, (cls, cls.key)
    assert len(seen) > 15


def test_progress_reports_and_cancel_stops_the_work():
    seen: list[tuple[int, int, str]] = []
    p = Progress(lambda *a: seen.append(a))
    p(1, 3, "one")
    p.check()
    assert seen == [(1, 3, "one")] and not p.cancelled
    p.cancel()
    with pytest.raises(Cancelled) as e:
        p.check()
    assert isinstance(e.value, AppError) and e.value is not None
    assert ImportCancelled is Cancelled


def _classes_named(root: Path, names: set[str]) -> list[str]:
    found = []
    for f in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name in names:
                found.append(f"{f.relative_to(root)}:{node.name}")
    return found


def test_there_is_one_progress_and_one_cancelled():
    root = Path(diag_app.__file__).parent
    assert _classes_named(root, {"Progress", "Cancelled"}) == ["progress.py:Cancelled", "progress.py:Progress"]
    from diag_app.ui import background

    assert background.Progress is Progress and background.Cancelled is Cancelled


def test_the_presenter_dispatches_on_the_class_not_its_name(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    from diag_app.ui.errors import present_error

    class DatabaseCorruptLookalike(Exception):  # same-looking name, not one of ours
        pass

    class ReadOnlyWorkspace(StorageFailed):
        pass

    parent = QWidget()
    qtbot.addWidget(parent)
    box = present_error(parent, ReadOnlyWorkspace(tmp_path / "ws.db", "read-only"), "zh")
    assert box.text() == tr("error.storage_failed", "zh") and not box.detailedText()
    box.close()
    box = present_error(parent, DatabaseCorruptLookalike("x"), "en")
    assert box.text() == tr("error.unexpected", "en") and "DatabaseCorruptLookalike" in box.detailedText()
    box.close()
    box = present_error(parent, FontMissing(tmp_path / "NotoSansSC_700Bold.ttf"), "zh")
    assert box.text() == tr("error.font_missing", "zh") and "重新安装" in box.informativeText()
    box.close()


def test_the_systems_reasons_reach_the_user_in_their_language_from_every_entry_point(tmp_path, capsys):
    """A missing file named through score, import and verify: the reason is ours, never the
    operating system's English."""
    from diag_app.cli import main

    gone = tmp_path / "不存在"
    for argv in (
        ["score", str(gone) + ".json"],
        ["import", str(gone) + ".sfd", "--db", str(tmp_path / "ws.db")],
        ["verify", str(gone) + ".pdf"],
    ):
        for lang, words in (("zh", "文件或文件夹不存在"), ("en", "no such file or folder")):
            rc = main([*argv, "--lang", lang])
            out = capsys.readouterr()
            text = out.out + out.err
            assert rc == 2 and words in text and "No such file" not in text, (argv, lang, text)
