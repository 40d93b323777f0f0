"""The language the app speaks: loads the compiled Qt Linguist translations (.qm).

The .ts sources are in i18n/ at the top of the repository; ``python tools/i18n.py compile`` (run by
``./run setup``) builds them into desktop/translations/ctidesk_<lang>.qm, which ships as package
data. English is the source language: without any .qm the app shows English.

The pseudo-locale ``en_XA`` ("pseudo" also works) shows every string accented, bracketed and
about 40% longer, to find clipped, cut or concatenated text:  ``LANGUAGE=en_XA ctidesk --demo``,
or pick it in the settings.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
PREFIX = "ctidesk"
SOURCE_LANGUAGE = "en"
PSEUDO = "en_XA"
_ALIASES = {"pseudo": PSEUDO, "pseudo-locale": PSEUDO, "xa": PSEUDO}

# Each language named in itself, as a language menu shows it.
NATIVE_NAMES = {"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español",
                PSEUDO: "[Ƥšéûðö] pseudo-locale (layout test)"}

_installed: list[QTranslator] = []  # a QTranslator that Python collects stops translating: keep them


def normalize(code: str) -> str:
    """'de-DE', 'de_DE.UTF-8', 'de_DE@euro' -> 'de_DE'; 'FR' -> 'fr'; 'pseudo' -> 'en_XA'."""
    code = code.strip().split(".")[0].split("@")[0].replace("-", "_")
    if code.lower() in _ALIASES:
        return _ALIASES[code.lower()]
    language, _, territory = code.partition("_")
    return f"{language.lower()}_{territory.upper()}" if territory else language.lower()


def available_languages(directory: Path | None = None) -> list[str]:
    """English first, then every language with a compiled .qm (by code), the pseudo-locale last."""
    directory = Path(directory) if directory is not None else TRANSLATIONS_DIR
    found = {p.stem.removeprefix(PREFIX + "_") for p in directory.glob(f"{PREFIX}_*.qm")} if directory.is_dir() else set()
    found.discard(SOURCE_LANGUAGE)
    pseudo = [PSEUDO] if PSEUDO in found else []
    found.discard(PSEUDO)
    return [SOURCE_LANGUAGE, *sorted(found), *pseudo]


def language_name(code: str) -> str:
    code = normalize(code)
    if code in NATIVE_NAMES:
        return NATIVE_NAMES[code]
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def language_choices(directory: Path | None = None, *, include_pseudo: bool = False) -> list[tuple[str, str]]:
    """(code, name in that language) for a settings menu; the pseudo-locale only on request."""
    return [(code, language_name(code)) for code in available_languages(directory)
            if include_pseudo or code != PSEUDO]


def pick_language(wanted: list[str], available: list[str]) -> str | None:
    """The first of ``wanted`` (most preferred first, e.g. QLocale.uiLanguages()) that we have:
    the exact code ('en_XA'), else its language ('de' for 'de-AT')."""
    for code in wanted:
        code = normalize(code)
        if code in available:
            return code
        language = code.split("_")[0]
        if language in available:
            return language
    return None


def _system_languages() -> list[str]:
    """The user's languages in order of preference (on Linux from LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    return list(QLocale.system().uiLanguages())


def remove_translators(app: QCoreApplication | None = None) -> None:
    """Back to the source language (English)."""
    app = app or QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
        translator.deleteLater()


def install_translator(app: QCoreApplication, language: str | None = None, *,
                       directory: Path | None = None) -> str:
    """Install the translation for ``language`` (e.g. from the settings), else for the system's
    locale, else none (English); returns the code used ('de', 'en', 'en_XA', ...). Qt's own
    strings (standard buttons, dialogs) come from the qtbase translations shipped with PySide6.

    Call it again to switch: the previous translators are removed first. Widgets built before
    the switch keep their text until they are built again (they get a LanguageChange event)."""
    directory = Path(directory) if directory is not None else TRANSLATIONS_DIR
    remove_translators(app)
    available = available_languages(directory)
    chosen = None
    if language:
        chosen = pick_language([language], available)
        if chosen is None:
            log.warning("no translation for language %r (have %s); using the system's language",
                        language, ", ".join(available))
    if chosen is None:
        chosen = pick_language(_system_languages(), available) or SOURCE_LANGUAGE

    ours = QTranslator(app)
    if ours.load(f"{PREFIX}_{chosen}", str(directory)):
        app.installTranslator(ours)
        _installed.append(ours)
    elif chosen != SOURCE_LANGUAGE:  # listed as available, so the file is there but unreadable
        log.warning("could not load %s", directory / f"{PREFIX}_{chosen}.qm")
        chosen = SOURCE_LANGUAGE
    if chosen not in (SOURCE_LANGUAGE, PSEUDO):
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{chosen}", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
        else:
            log.info("no Qt translation qtbase_%s in %s: Qt's standard buttons stay English", chosen, qt_dir)
    log.info("language: %s", chosen)
    return chosen
