"""The signing dialog: create a self-signed identity, see it labelled self-signed, a wrong
passphrase told in place, an imported PKCS#12 kept among the identities."""

from __future__ import annotations

import pytest

from diag_app.report import identity
from diag_app.ui.identity_dialog import CreateIdentityDialog, SigningDialog

PASS = "correct horse battery"


def test_create_then_choose_a_self_signed_identity(qtbot, tmp_path):
    d = SigningDialog("zh", tmp_path / "ids")
    qtbot.addWidget(d)
    assert d.identities.count() == 0 and "还没有签署身份" in d.note.text()
    c = CreateIdentityDialog("zh", tmp_path / "ids")
    qtbot.addWidget(c)
    c.name.setText("张伟")
    c.org.setText("上海某咨询有限公司")
    c.passphrase.setText(PASS)
    c.again.setText(PASS + "x")
    c._create()
    assert c.created is None and "两次输入的口令不同" in c.problem.text()
    c.again.setText(PASS)
    c._create()
    assert c.created is not None and c.created.path.exists()
    d._fill(c.created.path)
    assert d.identities.currentText() == "张伟 · 上海某咨询有限公司 · 自签名"
    assert "不能证明其真实身份" in d.note.text()
    d.passphrase.setText("wrong passphrase")
    d._accept()
    assert d.choice is None and "口令错误" in d.problem.text()
    d.passphrase.setText(PASS)
    d._accept()
    assert d.choice is not None and d.choice.identity.name == "张伟" and d.choice.identity.self_signed


def test_import_keeps_a_checked_copy_and_refuses_what_is_not_pkcs12(qtbot, tmp_path):
    src = tmp_path / "issued.pfx"
    identity.create("Li Na", "Acme", PASS, src)
    d = SigningDialog("en", tmp_path / "ids")
    qtbot.addWidget(d)
    junk = tmp_path / "junk.p12"
    junk.write_bytes(b"not a certificate")
    d.passphrase.setText(PASS)
    d.import_file(junk)
    assert "not a PKCS#12" in d.problem.text() and d.identities.count() == 0
    d.import_file(src)
    assert d.identities.count() == 1 and d.identities.currentText() == "Li Na · Acme · self-signed"
    (kept,) = identity.installed(tmp_path / "ids")
    assert kept.path.parent == tmp_path / "ids" and kept.self_signed


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_dialog_has_words_in_both_languages(qtbot, tmp_path, lang):
    d = SigningDialog(lang, tmp_path)
    qtbot.addWidget(d)
    assert "identity." not in d.windowTitle() and "identity." not in d.note.text()
