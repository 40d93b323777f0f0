#!/usr/bin/env python3
"""Translations: find the strings in the code, keep the Qt Linguist sources in i18n/ in step with
it, generate the pseudo-locale, and compile the .qm files the app loads (desktop/translations/).

    python tools/i18n.py update         # after changing UI strings: refresh every i18n/*.ts
    python tools/i18n.py check          # list what is missing, unfinished or broken (exit 1 if any)
    python tools/i18n.py compile        # i18n/*.ts -> desktop/translations/*.qm (./run setup does this)
    python tools/i18n.py todo > todo.tsv   # what is left to translate, one row per string ...
    python tools/i18n.py import todo.tsv   # ... filled in with any editor, back into the .ts files
    python tools/i18n.py update --add it   # start a new language (i18n/ctidesk_it.ts)

Why not pyside6-lupdate for the extraction: its Python parser (PySide6 6.11) misses tr() calls
inside f-strings, cannot see strings passed through a helper such as ``_t("Ready")`` in
desktop/ui/vocabulary.py, and reads ``tr = QCoreApplication.translate; tr("Ctx", "Text")`` as a
message "Ctx" in an empty context. This script reads the code with ``ast`` and understands:

- ``self.tr("text")``, ``anything.tr("text", "disambiguation", n)``: context = the enclosing class
  (what PySide uses at run time);
- ``QCoreApplication.translate("Context", "text", "disambiguation", n)`` (also QApplication /
  QGuiApplication, and any name assigned from ``<x>.translate``);
- ``QT_TRANSLATE_NOOP("Context", "text")``, ``QT_TRANSLATE_NOOP3(ctx, text, disambiguation)``,
  ``QT_TR_NOOP("text")`` (class context);
- helpers that pass a parameter to one of those with a literal context, e.g.
  ``def _t(text): return QCoreApplication.translate("Vocabulary", text)``; then ``_t("Ready")``
  is the message ("Vocabulary", "Ready").

A call whose text is not a literal is reported (``check --verbose``) but needs no entry of its own:
mark the possible texts with QT_TRANSLATE_NOOP where they are defined.

The .ts files stay plain Qt Linguist files: open them in ``pyside6-linguist``, translate, save,
then run ``update`` (keeps translations, adds new strings as unfinished, drops strings the code no
longer has and prints them with their translations) and ``check``. English is the source
language: its .ts (ctidesk_en.ts) holds only the plural forms (messages with %n). The
pseudo-locale (ctidesk_en_XA.ts) is generated here from the source strings, never edited.
"""
from __future__ import annotations

import argparse
import ast
import html
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "i18n"
QM_DIR = ROOT / "desktop" / "translations"
CODE_DIRS = ("desktop",)
PREFIX = "ctidesk"
SOURCE_LANGUAGE = "en"
PSEUDO = "en_XA"  # the pseudo-locale code (Android/Chrome's convention for "accented English")

# Plural forms per language, as Qt's lrelease counts them (en, de, es: n == 1; fr: n <= 1).
NUMERUS_FORMS = {"en": 2, "de": 2, "fr": 2, "es": 2, "it": 2, "nl": 2, "pt": 2, "sv": 2, "da": 2, "nb": 2,
                 "fi": 2, "ja": 1, "zh": 1, "ko": 1, "vi": 1, "th": 1, "id": 1, "tr": 2,
                 "ru": 3, "uk": 3, "pl": 3, "cs": 3, "sk": 3, "hr": 3, "sr": 3, "lt": 3, "lv": 3, "ro": 3,
                 "sl": 4, "ar": 6}

QT_APP_CLASSES = {"QCoreApplication", "QApplication", "QGuiApplication", "qApp", "app"}


# -- messages ------------------------------------------------------------------------------------
@dataclass
class Message:
    context: str
    source: str
    comment: str = ""                       # Qt's "disambiguation"
    numerus: bool = False
    locations: list[tuple[str, int]] = field(default_factory=list)   # (path relative to i18n/, line)
    translations: list[str] = field(default_factory=list)            # one, or one per plural form
    finished: bool = False
    kind: str = ""                          # the .ts "type" attribute read: unfinished, vanished, obsolete
    translator_comment: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def describe(key: tuple[str, str, str]) -> str:
    context, source, comment = key
    return f"[{context}] {source!r}" + (f" (disambiguation {comment!r})" if comment else "")


# -- extraction ------------------------------------------------------------------------------------
@dataclass
class Extraction:
    messages: dict[tuple[str, str, str], Message]
    dynamic: list[str]      # calls whose text is not a literal ("file:line: call")
    errors: list[str]       # calls whose context cannot be known


def code_files(root: Path = ROOT) -> list[Path]:
    """Every Python file of the app (untracked ones too: a new file's strings count at once)."""
    files: list[Path] = []
    for directory in CODE_DIRS:
        files.extend(p for p in (root / directory).rglob("*.py") if "__pycache__" not in p.parts)
    return sorted(files)


def _literal(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # "a" "b" is already one Constant
        left, right = _literal(node.left), _literal(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _arg(call: ast.Call, index: int, name: str) -> ast.AST | None:
    if len(call.args) > index:
        return call.args[index]
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def _has_n(call: ast.Call, index: int) -> bool:
    node = _arg(call, index, "n")
    return node is not None and not (isinstance(node, ast.Constant) and node.value == -1) and not (
        isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant) and node.operand.value == 1)


def _callee(call: ast.Call) -> tuple[str | None, str]:
    """(base name or None, function name) of ``base.name(...)`` or ``name(...)``."""
    func = call.func
    if isinstance(func, ast.Attribute):
        base = func.value.id if isinstance(func.value, ast.Name) else None
        return base, func.attr
    if isinstance(func, ast.Name):
        return None, func.id
    return None, ""


class _Extractor(ast.NodeVisitor):
    def __init__(self, path: Path, relative: str, tree: ast.Module, out: Extraction):
        self.path, self.relative, self.out = path, relative, out
        self.classes: list[str] = []
        self.aliases: set[str] = set()
        self.wrappers: dict[str, tuple[str, int, int | None]] = {}  # name -> (context, text param, n param)
        calls: list[tuple[ast.Call, ast.FunctionDef | ast.AsyncFunctionDef]] = []
        stack: list[tuple[ast.AST, ast.AST | None]] = [(tree, None)]
        while stack:  # one pass: aliases of translate, and calls inside functions (wrapper candidates)
            node, function = stack.pop()
            if isinstance(node, ast.ImportFrom) and any(a.name == "translate" and a.asname is None for a in node.names):
                self.aliases.add("translate")
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute) and node.value.attr == "translate":
                self.aliases.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.Call) and function is not None and len(node.args) >= 2:
                calls.append((node, function))
            inner = node if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            stack.extend((child, inner) for child in ast.iter_child_nodes(node))
        for call, function in calls:
            if function.name not in self.wrappers and self._is_translate(call):
                self._wrapper(function, call)

    def _is_translate(self, call: ast.Call) -> bool:
        base, name = _callee(call)
        if isinstance(call.func, ast.Attribute):
            return name == "translate" and base in QT_APP_CLASSES
        return name in self.aliases

    def _wrapper(self, func: ast.FunctionDef | ast.AsyncFunctionDef, call: ast.Call) -> None:
        """``def _t(text): return QCoreApplication.translate("Ctx", text)``: calls of _t are messages."""
        params = [a.arg for a in func.args.posonlyargs + func.args.args]
        context = _literal(_arg(call, 0, "context"))
        text = _arg(call, 1, "sourceText")
        if context is not None and isinstance(text, ast.Name) and text.id in params:
            n = _arg(call, 3, "n")
            n_index = params.index(n.id) if isinstance(n, ast.Name) and n.id in params else None
            self.wrappers[func.name] = (context, params.index(text.id), n_index)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def _add(self, call: ast.Call, context: str | None, text_node: ast.AST | None, comment_node: ast.AST | None,
             numerus: bool) -> None:
        where = f"{self.relative.removeprefix('../')}:{call.lineno}"
        text = _literal(text_node)
        if text is None:
            self.out.dynamic.append(f"{where}: {ast.unparse(call)}")
            return
        if context is None:
            self.out.errors.append(f"{where}: tr({text!r}) outside a class: its context is unknown; "
                                   "use QCoreApplication.translate(\"Context\", ...)")
            return
        comment = _literal(comment_node) or ""
        key = (context, text, comment)
        message = self.out.messages.get(key)
        if message is None:
            message = self.out.messages[key] = Message(context, text, comment)
        message.numerus = message.numerus or numerus
        message.locations.append((self.relative, call.lineno))

    def visit_Call(self, call: ast.Call) -> None:
        base, name = _callee(call)
        class_context = self.classes[-1] if self.classes else None
        if isinstance(call.func, ast.Attribute) and name == "tr":
            self._add(call, class_context, _arg(call, 0, "sourceText"), _arg(call, 1, "disambiguation"),
                      _has_n(call, 2))
        elif self._is_translate(call):
            context = _literal(_arg(call, 0, "context"))
            if context is None:
                self.out.dynamic.append(f"{self.relative.removeprefix('../')}:{call.lineno}: {ast.unparse(call)}")
            else:
                self._add(call, context, _arg(call, 1, "sourceText"), _arg(call, 2, "disambiguation"),
                          _has_n(call, 3))
        elif name in ("QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3", "QT_TRANSLATE_N_NOOP", "QT_TRANSLATE_N_NOOP3"):
            context = _literal(_arg(call, 0, "context"))
            self._add(call, context or "", _arg(call, 1, "sourceText"),
                      _arg(call, 2, "disambiguation") if name.endswith("3") else None, "_N_" in name)
        elif name in ("QT_TR_NOOP", "QT_TR_N_NOOP"):
            self._add(call, class_context, _arg(call, 0, "sourceText"), None, "_N_" in name)
        elif isinstance(call.func, ast.Name) and name in self.wrappers:
            context, text_index, n_index = self.wrappers[name]
            numerus = n_index is not None and len(call.args) > n_index
            self._add(call, context, call.args[text_index] if len(call.args) > text_index else None, None, numerus)
        self.generic_visit(call)


_MAYBE = re.compile(r"\btr\(|translate|QT_TR")


def extract(files: list[Path] | None = None, root: Path = ROOT) -> Extraction:
    out = Extraction({}, [], [])
    for path in files if files is not None else code_files(root):
        text = path.read_text(encoding="utf-8")
        if not _MAYBE.search(text):
            continue  # most of the package (core, vendors, simulators) has no Qt strings
        relative = os.path.relpath(path, root / "i18n").replace(os.sep, "/")
        tree = ast.parse(text, filename=str(path))
        _Extractor(path, relative, tree, out).visit(tree)
    for message in out.messages.values():
        message.locations.sort()
    return out


# -- .ts files ------------------------------------------------------------------------------------
def ts_path(language: str) -> Path:
    return TS_DIR / f"{PREFIX}_{language}.ts"


def ts_languages(directory: Path = TS_DIR) -> list[str]:
    """Languages with a .ts file, e.g. ['de', 'en', 'en_XA', 'es', 'fr']."""
    return sorted(p.stem.removeprefix(PREFIX + "_") for p in directory.glob(f"{PREFIX}_*.ts"))


def numerus_forms(language: str) -> int:
    return NUMERUS_FORMS.get(language.split("_")[0], 2)


def read_ts(path: Path) -> tuple[str, dict[tuple[str, str, str], Message]]:
    """(language, messages) of a Linguist file; raises ET.ParseError on broken XML."""
    root = ET.parse(path).getroot()
    if root.tag != "TS":
        raise ET.ParseError(f"{path}: the root element is <{root.tag}>, not <TS>")
    messages: dict[tuple[str, str, str], Message] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for node in context.iter("message"):
            translation = node.find("translation")
            numerus = node.get("numerus") == "yes"
            if translation is None:
                texts, kind = [], "unfinished"
            elif numerus:
                texts, kind = [f.text or "" for f in translation.iter("numerusform")], translation.get("type", "")
            else:
                texts, kind = [translation.text or ""], translation.get("type", "")
            message = Message(name, node.findtext("source") or "", node.findtext("comment") or "", numerus,
                              [(loc.get("filename", ""), int(loc.get("line", "0") or 0))
                               for loc in node.iter("location")],
                              texts, kind == "", kind, node.findtext("translatorcomment") or "")
            messages[message.key] = message
    return root.get("language", ""), messages


def _text(value: str) -> str:
    return html.escape(value, quote=False).replace("'", "&apos;").replace('"', "&quot;")


def _attribute(value: str) -> str:
    return html.escape(value, quote=True).replace("&#x27;", "&apos;")


def render_ts(language: str, messages: list[Message]) -> str:
    """A Linguist 2.1 file, formatted like lupdate writes it; contexts sorted by name, messages in
    the order of their first place in the code."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{language}" sourcelanguage="{SOURCE_LANGUAGE}">']
    by_context: dict[str, list[Message]] = {}
    for message in messages:
        by_context.setdefault(message.context, []).append(message)
    for context in sorted(by_context):
        lines += ["<context>", f"    <name>{_text(context)}</name>"]
        for m in sorted(by_context[context], key=lambda m: (m.locations[:1] or [("~", 0)], m.source, m.comment)):
            lines.append('    <message numerus="yes">' if m.numerus else "    <message>")
            for filename, line in m.locations:
                lines.append(f'        <location filename="{_attribute(filename)}" line="{line}"/>')
            lines.append(f"        <source>{_text(m.source)}</source>")
            if m.comment:
                lines.append(f"        <comment>{_text(m.comment)}</comment>")
            if m.translator_comment:
                lines.append(f"        <translatorcomment>{_text(m.translator_comment)}</translatorcomment>")
            kind = "" if m.finished else ' type="unfinished"'
            if m.numerus:
                forms = (m.translations + [""] * numerus_forms(language))[:numerus_forms(language)]
                lines.append(f"        <translation{kind}>")
                lines += [f"            <numerusform>{_text(f)}</numerusform>" for f in forms]
                lines.append("        </translation>")
            else:
                text = m.translations[0] if m.translations else ""
                lines.append(f"        <translation{kind}>{_text(text)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def wanted(language: str, extracted: dict[tuple[str, str, str], Message]) -> dict[tuple[str, str, str], Message]:
    """The messages a language's .ts must hold: all, or for the source language its plurals only."""
    if language == SOURCE_LANGUAGE:
        return {k: m for k, m in extracted.items() if m.numerus}
    return extracted


# -- pseudo-locale ----------------------------------------------------------------------------------
_ACCENTED = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                          "áƀçðéƒĝĥîĵķļɱñöþǫŕšţûvŵxýžÅƁÇÐÉƑĜĤÎĴĶĻMÑÖÞǪŔŠŢÛVŴXÝŽ")
# kept as they are: %1 %L1 %n placeholders, {field} template fields, *.zip file patterns, && (a
# literal &), &X mnemonics, entities, tags, line breaks
_PROTECTED = re.compile(r"%L?\d+|%n|\{[^{}\s]*\}|\*\.\w+|&&|&[A-Za-z0-9]|&\w+;|<[^>]*>|\n")


def pseudo(text: str) -> str:
    """'&Answer' -> '[&Añšŵéŕ Añš]': accented (tall glyphs show vertical clipping), about 40% longer
    (shows truncation), bracketed (shows where a string is cut or concatenated)."""
    parts, letters, last = [], [], 0
    for match in _PROTECTED.finditer(text):
        plain = text[last:match.start()].translate(_ACCENTED)
        parts += [plain, match.group()]
        letters.append(plain + (match.group()[1] if match.group()[0] == "&" and len(match.group()) == 2
                                and match.group() != "&&" else ""))
        last = match.end()
    plain = text[last:].translate(_ACCENTED)
    parts.append(plain)
    letters.append(plain)
    filler = "".join(c for c in "".join(letters) if c.isalnum()) or "x"
    extra = max(2, round(len(text) * 0.4))
    return "[" + "".join(parts) + " " + (filler * (extra // len(filler) + 1))[:extra] + "]"


def pseudo_messages(extracted: dict[tuple[str, str, str], Message]) -> list[Message]:
    out = []
    for m in extracted.values():
        forms = numerus_forms(PSEUDO) if m.numerus else 1
        out.append(Message(m.context, m.source, m.comment, m.numerus, list(m.locations),
                           [pseudo(m.source)] * forms, True))
    return out


# -- checks ----------------------------------------------------------------------------------------
# what a translation must keep verbatim: Qt placeholders, screen-pop {fields}, file-dialog patterns
_PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[^{}\s]*\}|\*\.\w+")


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&)(?=\S)", text.replace("&&", "")))


def translation_problems(language: str, message: Message) -> list[str]:
    """Unfinished, empty, wrong plural count, placeholders or mnemonics not kept, lost '…' / ':'."""
    where = f"{ts_path(language).name}: {describe(message.key)}"
    if message.kind:
        return [f"{where}: marked {message.kind}"]
    problems = []
    texts = message.translations
    if message.numerus and len(texts) != numerus_forms(language):
        problems.append(f"{where}: {len(texts)} plural forms, {language} has {numerus_forms(language)}")
    if not texts or any(not t.strip() for t in texts):
        return problems + [f"{where}: empty translation"]
    wanted_marks = placeholders(message.source)
    for text in texts:
        if placeholders(text) != wanted_marks:
            problems.append(f"{where}: placeholders {placeholders(text)} in {text!r}, the source has {wanted_marks}")
        if mnemonics(text) != mnemonics(message.source):
            problems.append(f"{where}: {mnemonics(text)} '&' mnemonics in {text!r}, "
                            f"the source has {mnemonics(message.source)}")
        if language != PSEUDO:
            for ending in ("…", ":"):
                if message.source.rstrip().endswith(ending) and not text.rstrip().endswith(ending):
                    problems.append(f"{where}: {text!r} should end with {ending!r} like the source")
    return problems


def check(extraction: Extraction | None = None, directory: Path = TS_DIR,
          required: tuple[str, ...] = ("en", "de", "fr", "es", PSEUDO)) -> list[str]:
    """Every problem, one line each; empty when the translations are complete."""
    extraction = extraction or extract()
    problems = list(extraction.errors)
    present = ts_languages(directory)
    problems += [f"{PREFIX}_{lang}.ts is missing (python tools/i18n.py update --add {lang})"
                 for lang in required if lang not in present]
    for language in present:
        path = directory / f"{PREFIX}_{language}.ts"
        try:
            declared, messages = read_ts(path)
        except ET.ParseError as exc:
            problems.append(f"{path.name}: not a readable Linguist file: {exc}")
            continue
        if declared != language:
            problems.append(f"{path.name}: language=\"{declared}\", the file name says {language}")
        need = wanted(language, extraction.messages)
        problems += [f"{path.name}: missing {describe(k)} (from {need[k].locations[0][0].removeprefix('../')}:"
                     f"{need[k].locations[0][1]})" for k in need if k not in messages]
        problems += [f"{path.name}: {describe(k)} is no longer in the code" for k in messages if k not in need]
        for key, message in messages.items():
            if key in need and message.numerus != need[key].numerus:
                problems.append(f"{path.name}: {describe(key)} is {'' if need[key].numerus else 'not '}"
                                "a plural (%n) message in the code")
            problems += translation_problems(language, message)
    return problems


# -- update ----------------------------------------------------------------------------------------
def update(add: list[str] | None = None, directory: Path = TS_DIR, quiet: bool = False) -> int:
    """Refresh every .ts from the code. Returns the number of messages still to translate."""
    extraction = extract()
    for error in extraction.errors:
        print(f"error: {error}", file=sys.stderr)
    directory.mkdir(parents=True, exist_ok=True)
    languages = sorted(set(ts_languages(directory)) | set(add or ()) | {PSEUDO})
    todo = 0
    for language in languages:
        path = directory / f"{PREFIX}_{language}.ts"
        if language == PSEUDO:
            path.write_text(render_ts(PSEUDO, pseudo_messages(extraction.messages)), encoding="utf-8")
            continue
        old = read_ts(path)[1] if path.exists() else {}
        by_source: dict[str, Message] = {}
        for message in old.values():
            if message.finished:
                by_source.setdefault(message.source, message)
        merged = []
        for key, fresh in wanted(language, extraction.messages).items():
            known = old.get(key)
            message = Message(fresh.context, fresh.source, fresh.comment, fresh.numerus, list(fresh.locations))
            if known is not None:
                message.translations, message.finished = known.translations, known.finished
                message.translator_comment = known.translator_comment
                if known.numerus != fresh.numerus:  # became (or stopped being) a plural: look again
                    message.finished = False
                    message.translations = known.translations[:1] * (numerus_forms(language) if fresh.numerus else 1)
            elif fresh.source in by_source:  # the same text elsewhere: a suggestion, still to review
                message.translations = by_source[fresh.source].translations[:1] * (
                    numerus_forms(language) if fresh.numerus else 1)
            if not message.finished:
                todo += 1
                if not quiet:
                    print(f"{path.name}: to translate: {describe(key)}")
            merged.append(message)
        for key, gone in old.items():
            if key not in wanted(language, extraction.messages) and not quiet:
                print(f"{path.name}: dropped (no longer in the code): {describe(key)} = {gone.translations!r}")
        path.write_text(render_ts(language, merged), encoding="utf-8")
    if not quiet:
        print(f"{len(extraction.messages)} messages in the code; {todo} translations to do "
              f"({', '.join(languages)})" + (": python tools/i18n.py todo > todo.tsv, fill it in, "
                                             "python tools/i18n.py import todo.tsv" if todo else ""))
    return todo


# -- todo / import: translate without Linguist ----------------------------------------------------
FORM_SEPARATOR = " || "  # between plural forms in a TSV cell


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n"}.get(m.group(1), m.group(1)), text)


def todo(directory: Path = TS_DIR) -> str:
    """A TSV of every message some language still lacks: context, source, disambiguation, then one
    column per language (pre-filled with what the .ts has; plural forms joined by ' || ')."""
    languages = [lang for lang in ts_languages(directory) if lang != PSEUDO]
    files = {lang: read_ts(directory / f"{PREFIX}_{lang}.ts")[1] for lang in languages}
    keys: dict[tuple[str, str, str], None] = {}
    for messages in files.values():
        keys.update((k, None) for k, m in messages.items() if not m.finished)
    rows = ["\t".join(["context", "source", "disambiguation", *languages])]
    for key in keys:
        cells = []
        for lang in languages:
            message = files[lang].get(key)
            cells.append("" if message is None else ("(done) " if message.finished else "")
                         + FORM_SEPARATOR.join(message.translations).strip(" |"))
        rows.append("\t".join(_escape(c) for c in [*key, *cells]))
    return "\n".join(rows) + "\n"


def import_tsv(text: str, directory: Path = TS_DIR) -> int:
    """Apply a TSV written like todo()'s: each non-empty cell becomes that language's finished
    translation ('(done) ' cells are left alone). Returns how many translations were set."""
    lines = [line for line in text.splitlines() if line.strip()]
    header = lines[0].split("\t")
    if header[:3] != ["context", "source", "disambiguation"]:
        raise SystemExit("the first line must be: context<TAB>source<TAB>disambiguation<TAB>LANG...")
    languages = header[3:]
    files = {lang: read_ts(directory / f"{PREFIX}_{lang}.ts")[1] for lang in languages}
    changed = 0
    for number, line in enumerate(lines[1:], start=2):
        cells = [_unescape(c) for c in line.split("\t")]
        key = tuple(cells[:3])
        for lang, cell in zip(languages, cells[3:]):
            message = files[lang].get(key)
            if not cell.strip() or cell.startswith("(done) "):
                continue
            if message is None:
                raise SystemExit(f"line {number}: {describe(key)} is not in {PREFIX}_{lang}.ts (run update first)")
            forms = [f.strip() for f in cell.split(FORM_SEPARATOR.strip())] if message.numerus else [cell]
            if message.numerus and len(forms) == 1:
                forms = forms * numerus_forms(lang)
            message.translations, message.finished, message.kind = forms, True, ""
            changed += 1
    for lang, messages in files.items():
        (directory / f"{PREFIX}_{lang}.ts").write_text(render_ts(lang, list(messages.values())), encoding="utf-8")
    return changed


# -- compile ---------------------------------------------------------------------------------------
def qt_tool(name: str) -> list[str] | None:
    """A Qt Linguist tool (lrelease, lupdate): the binary inside the PySide6 wheel (the
    pyside6-<name> wrapper around it costs a Python start, ~0.4 s), else pyside6-<name> on PATH."""
    try:
        import PySide6
        folder = Path(PySide6.__file__).parent
        for candidate in (name, f"{name}.exe", f"Qt/libexec/{name}", f"Qt/bin/{name}"):
            if (folder / candidate).is_file():
                return [str(folder / candidate)]
    except ImportError:
        pass
    here = Path(sys.executable).parent
    found = shutil.which(f"pyside6-{name}", path=f"{here}{os.pathsep}{os.environ.get('PATH', '')}")
    return [found] if found else None


def lrelease_command() -> list[str]:
    command = qt_tool("lrelease")
    if command is None:
        raise SystemExit("lrelease not found: install PySide6-Essentials into this environment")
    return command


def compile_all(source: Path = TS_DIR, target: Path = QM_DIR, force: bool = False, quiet: bool = False) -> list[Path]:
    """Compile each .ts whose .qm is missing or older. Unfinished entries are left out
    (-nounfinished): the app then shows the English source, not an unreviewed guess."""
    target.mkdir(parents=True, exist_ok=True)
    command = lrelease_command()
    jobs = []
    for ts in sorted(source.glob(f"{PREFIX}_*.ts")):
        qm = target / (ts.stem + ".qm")
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            jobs.append((ts, qm, subprocess.Popen(command + ["-nounfinished", "-silent", str(ts), "-qm", str(qm)],
                                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)))
    failures = []
    for ts, qm, process in jobs:  # one lrelease per file, side by side
        output, _ = process.communicate(timeout=120)
        if process.returncode != 0 or not qm.exists():
            failures.append(f"lrelease failed on {ts}: {output}")
        elif not quiet:
            print(f"compiled {qm.relative_to(ROOT) if qm.is_relative_to(ROOT) else qm}")
    if failures:
        raise SystemExit("\n".join(failures))
    return [qm for _, qm, _ in jobs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update", help="refresh i18n/*.ts from the code and regenerate the pseudo-locale")
    up.add_argument("--add", action="append", default=[], metavar="LANG", help="start a new language")
    ch = sub.add_parser("check", help="list missing, unfinished or broken translations")
    ch.add_argument("--verbose", action="store_true", help="also list calls with a non-literal text")
    sub.add_parser("todo", help="print a TSV of the strings still to translate (edit it, then import it)")
    im = sub.add_parser("import", help="apply a TSV of translations (the format todo prints)")
    im.add_argument("file", type=Path)
    co = sub.add_parser("compile", help="build desktop/translations/*.qm with pyside6-lrelease")
    co.add_argument("--force", action="store_true", help="rebuild even when up to date")
    co.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "update":
        update(args.add)
        return 0
    if args.command == "check":
        extraction = extract()
        if args.verbose:
            for call in extraction.dynamic:
                print(f"note: non-literal text (mark its values with QT_TRANSLATE_NOOP): {call}")
        problems = check(extraction)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} problem(s); after changing strings run: python tools/i18n.py update, then "
                  "translate the unfinished entries (pyside6-linguist, or tools/i18n.py todo / import)")
        return 1 if problems else 0
    if args.command == "todo":
        sys.stdout.write(todo())
        return 0
    if args.command == "import":
        print(f"{import_tsv(args.file.read_text(encoding='utf-8'))} translation(s) set; now: python tools/i18n.py check")
        return 0
    compile_all(force=args.force, quiet=args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
