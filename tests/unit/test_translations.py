"""Translations: every .ts complete, every string of the code in every language, placeholders and
mnemonics kept, and the loader installing each language.

When a test here fails after a UI change:  python tools/i18n.py update  (adds the new strings to
i18n/*.ts as unfinished, drops removed ones, regenerates the pseudo-locale), translate the
unfinished entries (pyside6-linguist i18n/ctidesk_de.ts, or any editor), then
python tools/i18n.py check.
"""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo

from desktop import i18n

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "i18n"
LANGUAGES = ("de", "fr", "es")              # complete translations
ALL_TS = ("en", *LANGUAGES, i18n.PSEUDO)    # en: plural forms only (the source is English)
HINT = ("\nrun: python tools/i18n.py update, translate the unfinished entries in i18n/*.ts, "
        "then python tools/i18n.py check")

pytestmark = pytest.mark.timeout(60)


def _load_tool():
    spec = importlib.util.spec_from_file_location("ctidesk_i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while the class is built
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture(scope="module")
def extraction():
    return tool.extract()


def _ts(language: str) -> Path:
    return TS_DIR / f"ctidesk_{language}.ts"


# -- (1) every .ts parses, nothing unfinished, vanished or empty ----------------------------------
@pytest.mark.parametrize("language", ALL_TS)
def test_ts_file_is_complete(language):
    path = _ts(language)
    assert path.exists(), f"{path} is missing{HINT}"
    root = ET.parse(path).getroot()  # raises on broken XML
    assert root.tag == "TS" and root.get("language") == language
    problems = []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            where = f"[{name}] {source!r}"
            if translation is None:
                problems.append(f"{where}: no <translation>")
                continue
            if translation.get("type"):  # unfinished, vanished, obsolete
                problems.append(f"{where}: {translation.get('type')}")
            texts = ([f.text for f in translation.iter("numerusform")] if message.get("numerus") == "yes"
                     else [translation.text])
            if not texts or any(not (t or "").strip() for t in texts):
                problems.append(f"{where}: empty translation")
    assert not problems, f"{path.name}:\n  " + "\n  ".join(problems) + HINT


def test_tool_check_finds_nothing(extraction):
    """The tool's own check: missing, stale, plural counts, placeholders, mnemonics, '…' and ':'."""
    problems = tool.check(extraction)
    assert not problems, "\n".join(problems) + HINT


# -- (2) every string the code translates is in every language, same context ----------------------
@pytest.mark.parametrize("language", ALL_TS)
def test_every_code_string_is_in_the_ts(language, extraction):
    assert not extraction.errors, "\n".join(extraction.errors)
    _, messages = tool.read_ts(_ts(language))
    need = tool.wanted(language, extraction.messages)
    missing = [f"{tool.describe(k)} from {m.locations[0][0].removeprefix('../')}:{m.locations[0][1]}"
               for k, m in need.items() if k not in messages]
    assert not missing, f"ctidesk_{language}.ts lacks {len(missing)} string(s):\n  " + "\n  ".join(missing) + HINT
    stale = [tool.describe(k) for k in messages if k not in need]
    assert not stale, f"ctidesk_{language}.ts has strings the code no longer uses:\n  " + "\n  ".join(stale) + HINT


def test_extractor_sees_the_projects_forms(extraction):
    """Forms pyside6-lupdate misses: a helper with a fixed context, tr() in an f-string, an alias of
    QCoreApplication.translate; and plurals."""
    keys = set(extraction.messages)
    assert ("Vocabulary", "Ready", "") in keys                     # _t("Ready") in ui/vocabulary.py
    assert ("Vocabulary", "Digits to send:", "") in keys           # QT_TRANSLATE_NOOP
    assert ("InteractionPanel", "Subject", "") in keys             # f"{self.tr('Subject')}: ..."
    assert ("ErrorReporter", "Something went wrong: %1", "") in keys  # tr = QCoreApplication.translate
    plural = extraction.messages[("CommandRunner", "no confirmation from the platform within %n s", "")]
    assert plural.numerus


def test_extractor_understands_each_form(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text(
        "from PySide6.QtCore import QCoreApplication, QObject, QT_TRANSLATE_NOOP, QT_TR_NOOP\n"
        "def _t(text):\n    return QCoreApplication.translate('Words', text)\n"
        "LABELS = [QT_TRANSLATE_NOOP('Words', 'Marked'), _t('Helper')]\n"
        "class Panel(QObject):\n"
        "    NOTE = QT_TR_NOOP('Class note')\n"
        "    def show(self, n, name):\n"
        "        tr = QCoreApplication.translate\n"
        "        a = f\"{self.tr('In f-string')}: {name}\"\n"
        "        b = self.tr('%n item(s)', '', n)\n"
        "        c = self.tr('Open', 'verb')\n"
        "        d = tr('Other', 'Aliased')\n"
        "        e = self.tr(name)\n"
        "        f = 'abc'.translate({})\n", encoding="utf-8")
    found = tool.extract([source], root=tmp_path)
    assert set(found.messages) == {("Words", "Marked", ""), ("Words", "Helper", ""), ("Panel", "Class note", ""),
                                   ("Panel", "In f-string", ""), ("Panel", "%n item(s)", ""),
                                   ("Panel", "Open", "verb"), ("Other", "Aliased", "")}
    assert found.messages[("Panel", "%n item(s)", "")].numerus
    assert not found.messages[("Panel", "Open", "verb")].numerus
    assert any("self.tr(name)" in d for d in found.dynamic)
    assert not found.errors


def test_lupdate_finds_nothing_the_extractor_missed(tmp_path, extraction):
    """Cross-check with Qt's own extractor: whatever pyside6-lupdate reads in the code (with a
    real context) the extractor has too. lupdate's known misreading of ``tr = translate`` aliases
    comes out in the empty context and is left aside."""
    lupdate = tool.qt_tool("lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    out = tmp_path / "lupdate.ts"
    files = [str(p) for p in tool.code_files()]
    subprocess.run([*lupdate, *files, "-ts", str(out), "-silent", "-no-obsolete"], check=True, timeout=60,
                   capture_output=True)
    _, found = tool.read_ts(out)
    missed = [tool.describe(k) for k in found if k[0] and k not in extraction.messages]
    assert not missed, "lupdate found strings tools/i18n.py did not:\n  " + "\n  ".join(missed)


def test_todo_and_import_round_trip(tmp_path):
    """The TSV path for translating new strings without Linguist gives back the same files."""
    for language in ALL_TS:
        (tmp_path / f"ctidesk_{language}.ts").write_bytes(_ts(language).read_bytes())
    cleared = {}
    for language in ("de", "en"):
        path = tmp_path / f"ctidesk_{language}.ts"
        declared, messages = tool.read_ts(path)
        for key, message in messages.items():
            if message.numerus or key == ("Vocabulary", "Ready", ""):
                cleared[(language, key)] = message.translations
                message.translations, message.finished = [""] * len(message.translations), False
        path.write_text(tool.render_ts(declared, list(messages.values())), encoding="utf-8")
    rows = [line.split("\t") for line in tool.todo(tmp_path).splitlines()]
    header = rows[0]
    assert header[:3] == ["context", "source", "disambiguation"] and len(rows) == 3
    for row in rows[1:]:
        for index, language in enumerate(header[3:], start=3):
            if (language, tuple(row[:3])) in cleared:
                row[index] = tool.FORM_SEPARATOR.join(cleared[(language, tuple(row[:3]))])
    assert tool.import_tsv("\n".join("\t".join(row) for row in rows), tmp_path) == len(cleared)
    for language in ("de", "en"):
        assert (tmp_path / f"ctidesk_{language}.ts").read_text(encoding="utf-8") == _ts(language).read_text(encoding="utf-8")


# -- (3) placeholders and mnemonics ------------------------------------------------------------------
_MARKS = re.compile(r"%L?\d+|%n|\{[^{}\s]*\}|\*\.\w+")


def _mnemonics(text: str) -> int:
    return len(re.findall(r"&(?=\S)", text.replace("&&", "")))


@pytest.mark.parametrize("language", ALL_TS)
def test_placeholders_and_mnemonics_kept(language):
    problems = []
    for context in ET.parse(_ts(language)).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            texts = ([f.text or "" for f in translation.iter("numerusform")] if message.get("numerus") == "yes"
                     else [translation.text or ""])
            for text in texts:
                if sorted(_MARKS.findall(text)) != sorted(_MARKS.findall(source)):
                    problems.append(f"{source!r} -> {text!r}: placeholders differ")
                if _mnemonics(text) != _mnemonics(source):
                    problems.append(f"{source!r} -> {text!r}: {_mnemonics(text)} mnemonic(s), "
                                    f"the source has {_mnemonics(source)}")
    assert not problems, f"ctidesk_{language}.ts:\n  " + "\n  ".join(problems)


def test_pseudo_locale_is_longer_and_keeps_the_marks():
    assert i18n.PSEUDO == tool.PSEUDO
    text = tool.pseudo("Re&ject %1 in {queue} (*.zip)")
    assert text.startswith("[") and text.endswith("]")
    assert "&j" in text and "%1" in text and "{queue}" in text and "*.zip" in text
    assert len(text) >= 1.4 * len("Re&ject %1 in {queue} (*.zip)")
    assert tool.pseudo("Ready") != "Ready"


# -- (4) the loader ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory):
    """The .qm compiled from the .ts as they are now (not whatever desktop/translations holds)."""
    directory = tmp_path_factory.mktemp("qm")
    tool.compile_all(target=directory, force=True, quiet=True)
    return directory


@pytest.fixture
def translated(qapp, qm_dir):
    yield lambda language: i18n.install_translator(qapp, language, directory=qm_dir)
    i18n.remove_translators(qapp)  # the tests after this one see English again


def _tr(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


def test_available_languages(qm_dir):
    assert i18n.available_languages(qm_dir) == ["en", "de", "es", "fr", "en_XA"]
    assert [code for code, _ in i18n.language_choices(qm_dir)] == ["en", "de", "es", "fr"]
    assert dict(i18n.language_choices(qm_dir, include_pseudo=True))["de"] == "Deutsch"
    assert i18n.available_languages(qm_dir / "nowhere") == ["en"]


@pytest.mark.parametrize(("language", "ready", "hold", "plural"), [
    ("de", "Bereit", "&Halten", "keine Bestätigung der Plattform innerhalb von 5 Sekunden"),
    ("fr", "Disponible", "M&ettre en attente", "aucune confirmation de la plateforme en 5 secondes"),
    ("es", "Disponible", "Rete&ner", "sin confirmación de la plataforma en 5 segundos"),
    ("en", "Ready", "H&old", "no confirmation from the platform within 5 seconds"),
])
def test_install_translator_translates(translated, language, ready, hold, plural):
    assert translated(language) == language
    assert _tr("Vocabulary", "Ready") == ready
    assert _tr("Vocabulary", "H&old") == hold
    assert _tr("CommandRunner", "no confirmation from the platform within %n s", 5) == plural


def test_plural_forms(translated):
    translated("en")
    assert _tr("CommandRunner", "no confirmation from the platform within %n s", 1).endswith("within 1 second")
    translated("fr")
    assert _tr("CommandRunner", "no confirmation from the platform within %n s", 1).endswith("en 1 seconde")
    assert _tr("CommandRunner", "no confirmation from the platform within %n s", 0).endswith("en 0 seconde")


def test_qt_own_strings_follow(translated):
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (qt_dir / "qtbase_de.qm").exists():
        pytest.skip("this PySide6 has no qtbase translations")
    translated("de")
    assert _tr("QPlatformTheme", "Cancel") == "Abbrechen"


def test_pseudo_locale_and_aliases(translated):
    assert translated("pseudo") == "en_XA"
    assert _tr("Vocabulary", "Ready").startswith("[Ŕéáðý")
    assert translated("de-AT") == "de"
    assert translated("fr_CA.UTF-8") == "fr"


def test_system_locale_then_english(translated, monkeypatch):
    monkeypatch.setattr(i18n, "_system_languages", lambda: ["es-MX", "es", "en-US"])
    assert translated(None) == "es"
    assert _tr("Vocabulary", "Ready") == "Disponible"
    monkeypatch.setattr(i18n, "_system_languages", lambda: ["ja-JP", "ja"])
    assert translated(None) == "en"
    assert _tr("Vocabulary", "Ready") == "Ready"
    assert translated("xx") == "en"  # unknown choice: the system's language (here none of ours)
    monkeypatch.setattr(i18n, "_system_languages", lambda: ["de-CH", "de"])
    assert translated("") == "de"


def test_switching_back_removes_the_previous_language(translated):
    translated("de")
    assert _tr("Vocabulary", "Ready") == "Bereit"
    translated("en")
    assert _tr("Vocabulary", "Ready") == "Ready"
    assert _tr("QPlatformTheme", "Cancel") == "Cancel"


def test_pick_language():
    available = ["en", "de", "es", "fr", "en_XA"]
    assert i18n.pick_language(["de-DE", "en"], available) == "de"
    assert i18n.pick_language(["pt-BR", "fr-BE"], available) == "fr"
    assert i18n.pick_language(["en-XA"], available) == "en_XA"
    assert i18n.pick_language(["en-GB"], available) == "en"
    assert i18n.pick_language(["C"], available) is None
