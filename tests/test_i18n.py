"""Every message exists in both languages with the same placeholders."""

from __future__ import annotations

import string

from diag_app.i18n import MESSAGES, tr


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_message_has_zh_and_en_with_the_same_placeholders():
    bad = []
    for key, texts in MESSAGES.items():
        if not texts.get("zh") or not texts.get("en"):
            bad.append(f"{key}: missing a language")
        elif _fields(texts["zh"]) != _fields(texts["en"]):
            bad.append(f"{key}: placeholders differ")
    assert not bad, bad


def test_tr_fills_parameters_in_the_chosen_language():
    assert tr("credit_code.length", "en").startswith("the unified social credit code")
    assert "18 位" in tr("credit_code.length", "zh")
