"""The settings dialog: notifications, auto-answer, theme, language and screen-pop rules."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QKeySequenceEdit, QLabel, QPushButton, QScrollArea, QSpinBox, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from ..core.errors import BadInputError
from ..core.screenpop import ScreenPopRule, validate_template
from ..core.vocabulary import Media
from .profileeditor import ProfileEditor
from .settings import THEMES, Settings

RULE_COLUMNS = 4  # template, media, queues, automatic


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, languages: list[tuple[str, str]], parent: QWidget | None = None,
                 actions: dict | None = None):
        """``languages``: (code, name) pairs the app has translations for."""
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        tabs = QTabWidget()

        general = QWidget()
        form = QFormLayout(general)
        self.notifications = QCheckBox(self.tr("&Notify me of new work"))
        self.notifications.setChecked(settings.get("notifications/enabled"))
        self.ring = QCheckBox(self.tr("&Ring while work is offered"))
        self.ring.setChecked(settings.get("notifications/ring"))
        self.auto_answer = QCheckBox(self.tr("&Answer calls automatically"))
        self.auto_answer.setChecked(settings.get("calls/auto_answer"))
        self.theme = QComboBox()
        self.theme.setAccessibleName(self.tr("Theme"))
        for code, name in zip(THEMES, (self.tr("Follow the system"), self.tr("Light"), self.tr("Dark"))):
            self.theme.addItem(name, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.get("appearance/theme"))))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("The system's language"), "")
        for code, name in languages:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("appearance/language"))))
        form.addRow(self.notifications)
        form.addRow(self.ring)
        form.addRow(self.auto_answer)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("&Language:"), self.language)
        note = QLabel(self.tr("A new language applies the next time CTI Desk starts."))
        note.setWordWrap(True)
        form.addRow(note)
        tabs.addTab(general, self.tr("&General"))

        pops = QWidget()
        column = QVBoxLayout(pops)
        explain = QLabel(self.tr("Open a web page when work is offered. Use fields in braces: {remote}, "
                                 "{remote_name}, {queue}, {interaction_id}, {data.KEY}. Values are encoded; "
                                 "only http and https addresses are allowed."))
        explain.setWordWrap(True)
        explain.setTextFormat(Qt.TextFormat.PlainText)
        self.rules = QTableWidget(0, RULE_COLUMNS)
        self.rules.setAccessibleName(self.tr("Screen-pop rules"))
        self.rules.setHorizontalHeaderLabels([self.tr("Address template"), self.tr("Media (empty = all)"),
                                              self.tr("Queues (empty = all)"), self.tr("Open automatically")])
        self.rules.horizontalHeader().setStretchLastSection(False)
        self.rules.setColumnWidth(0, 380)
        self.rules.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for rule in settings.screen_pop_rules():
            self._add_row(rule)
        add = QPushButton(self.tr("A&dd rule"))
        add.clicked.connect(lambda: self._add_row(None))
        remove = QPushButton(self.tr("&Remove rule"))
        remove.clicked.connect(self._remove_rows)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons_row.addStretch(1)
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setAccessibleName(self.tr("Settings error"))
        column.addWidget(explain)
        column.addWidget(self.rules, 1)
        column.addLayout(buttons_row)
        tabs.addTab(pops, self.tr("&Screen pops"))

        self.actions = actions or {}
        keys = QWidget()
        self.shortcut_edits: dict = {}
        keys_form = QFormLayout(keys)
        for capability, action in self.actions.items():
            edit = QKeySequenceEdit(action.shortcut())
            edit.setClearButtonEnabled(True)
            edit.setMaximumSequenceLength(1)
            edit.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            keys_form.addRow(action.text().replace("&", "").rstrip("…") + ":", edit)
            self.shortcut_edits[capability] = edit
        scroll = QScrollArea()
        scroll.setWidget(keys)
        scroll.setWidgetResizable(True)
        tabs.addTab(scroll, self.tr("&Keys"))

        supervisor = QWidget()
        thresholds = QFormLayout(supervisor)
        self.not_ready_max = QSpinBox(suffix=self.tr(" min"), minimum=0, maximum=24 * 60)
        self.not_ready_max.setObjectName("notReadyMax")
        self.not_ready_max.setSpecialValueText(self.tr("off"))
        self.not_ready_max.setValue(settings.get("supervisor/not_ready_max_min"))
        self.queue_wait_max = QSpinBox(suffix=self.tr(" s"), minimum=0, maximum=24 * 3600)
        self.queue_wait_max.setObjectName("queueWaitMax")
        self.queue_wait_max.setSpecialValueText(self.tr("off"))
        self.queue_wait_max.setValue(settings.get("supervisor/queue_wait_max_s"))
        self.platform_alerts = QCheckBox(self.tr("Alert on the platform's own &alerts (e.g. Enreach queue alerts)"))
        self.platform_alerts.setChecked(settings.get("supervisor/platform_alerts"))
        thresholds.addRow(self.tr("Agent &not ready longer than:"), self.not_ready_max)
        thresholds.addRow(self.tr("Queue's longest &wait over:"), self.queue_wait_max)
        thresholds.addRow(self.platform_alerts)
        explain_thresholds = QLabel(self.tr("A breach highlights the agent or queue in the supervisor view and "
                                            "raises one notification; further breaches within a minute join "
                                            "the next one."))
        explain_thresholds.setWordWrap(True)
        thresholds.addRow(explain_thresholds)
        tabs.addTab(supervisor, self.tr("S&upervisor"))

        self.profile_editor = ProfileEditor()
        tabs.addTab(self.profile_editor, self.tr("&Profiles"))

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self._save)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(box)
        self.resize(760, 460)

    def _shortcuts_entered(self) -> dict:
        """Changed shortcuts; BadInputError when two actions would share a key."""
        chosen = {capability: edit.keySequence() for capability, edit in self.shortcut_edits.items()}
        seen: dict[str, str] = {}
        for capability, sequence in chosen.items():
            text = sequence.toString()
            if text and text in seen:
                raise BadInputError(self.tr("%1 is used twice: %2 and %3").replace("%1", text).replace(
                    "%2", seen[text]).replace("%3", self.actions[capability].text().replace("&", "")))
            if text:
                seen[text] = self.actions[capability].text().replace("&", "")
        return {c: s for c, s in chosen.items() if s != self.actions[c].shortcut()}

    def _add_row(self, rule: ScreenPopRule | None) -> None:
        row = self.rules.rowCount()
        self.rules.insertRow(row)
        self.rules.setItem(row, 0, QTableWidgetItem(rule.template if rule else "https://"))
        self.rules.setItem(row, 1, QTableWidgetItem(", ".join(sorted(rule.media)) if rule else ""))
        self.rules.setItem(row, 2, QTableWidgetItem(", ".join(sorted(rule.queues)) if rule else ""))
        automatic = QTableWidgetItem()
        automatic.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        automatic.setCheckState(Qt.CheckState.Checked if rule and rule.automatic else Qt.CheckState.Unchecked)
        self.rules.setItem(row, 3, automatic)

    def _remove_rows(self) -> None:
        for row in sorted({index.row() for index in self.rules.selectedIndexes()}, reverse=True):
            self.rules.removeRow(row)

    def rules_entered(self) -> list[ScreenPopRule]:
        """The table's rules; BadInputError names the first wrong cell."""
        rules = []
        for row in range(self.rules.rowCount()):
            template = self.rules.item(row, 0).text().strip()
            if not template or template == "https://":
                continue
            validate_template(template)
            media_names = [m.strip().lower() for m in self.rules.item(row, 1).text().split(",") if m.strip()]
            try:
                media = frozenset(Media(m) for m in media_names)
            except ValueError:
                raise BadInputError(self.tr("row %1: media must be among: %2").replace("%1", str(row + 1)).replace(
                    "%2", ", ".join(str(m) for m in Media))) from None
            queues = frozenset(q.strip() for q in self.rules.item(row, 2).text().split(",") if q.strip())
            automatic = self.rules.item(row, 3).checkState() == Qt.CheckState.Checked
            rules.append(ScreenPopRule(template, media, queues, automatic))
        return rules

    def _save(self) -> None:
        try:
            rules = self.rules_entered()
            keys = self._shortcuts_entered()
        except BadInputError as exc:
            self.error.setText(exc.message)
            return
        for capability, sequence in keys.items():
            self.settings.set_shortcut(str(capability), sequence.toString())
            self.actions[capability].setShortcut(sequence)
        self.settings.set("notifications/enabled", self.notifications.isChecked())
        self.settings.set("notifications/ring", self.ring.isChecked())
        self.settings.set("calls/auto_answer", self.auto_answer.isChecked())
        self.settings.set("appearance/theme", self.theme.currentData())
        self.settings.set("appearance/language", self.language.currentData())
        self.settings.set("supervisor/not_ready_max_min", self.not_ready_max.value())
        self.settings.set("supervisor/queue_wait_max_s", self.queue_wait_max.value())
        self.settings.set("supervisor/platform_alerts", self.platform_alerts.isChecked())
        self.settings.set_screen_pop_rules(rules)
        self.accept()

