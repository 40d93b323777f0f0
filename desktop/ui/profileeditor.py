"""The profiles tab of the settings dialog: the same TOML files the CLI reads, secrets to the
OS keyring (never to the file), profiles placed by IT shown read-only."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from ..core.errors import CtiError
from ..core.profiles import VENDOR_KEYS, Profile, list_profiles, save_profile
from ..core.secrets import store_secret
from ..core.vocabulary import VENDOR_IDS


class ProfileEditor(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.profiles = QListWidget()
        self.profiles.setAccessibleName(self.tr("Connection profiles"))
        self.profiles.currentItemChanged.connect(lambda item, _: self._show(item.data(Qt.ItemDataRole.UserRole) if item else None))
        new = QPushButton(self.tr("&New profile"))
        new.clicked.connect(lambda: self._show(None))
        left = QVBoxLayout()
        left.addWidget(self.profiles, 1)
        left.addWidget(new)

        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Profile name"))
        self.vendor = QComboBox()
        self.vendor.setAccessibleName(self.tr("Platform"))
        self.vendor.addItems(list(VENDOR_IDS))
        self.vendor.currentTextChanged.connect(lambda _: self._build_vendor_fields({}))
        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("User"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Password or token"))
        self.secret.setPlaceholderText(self.tr("unchanged; stored in the OS keyring, never in the file"))
        self.secret_env = QLineEdit()
        self.secret_env.setAccessibleName(self.tr("Secret environment variable"))
        self.insecure = QCheckBox(self.tr("Allow unencrypted http:// and ws:// (labs only)"))
        self.form = QFormLayout()
        self.form.addRow(self.tr("Na&me:"), self.name)
        self.form.addRow(self.tr("&Platform:"), self.vendor)
        self.form.addRow(self.tr("&User:"), self.user)
        self.form.addRow(self.tr("Pass&word:"), self.secret)
        self.form.addRow(self.tr("Secret from &variable:"), self.secret_env)
        self.form.addRow(self.insecure)
        self.vendor_form = QFormLayout()
        self.vendor_fields: dict[str, QWidget] = {}
        self.save_button = QPushButton(self.tr("Save &profile"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Profile message"))
        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addLayout(self.vendor_form)
        right.addWidget(self.save_button)
        right.addWidget(self.message)
        right.addStretch(1)
        row = QHBoxLayout(self)
        row.addLayout(left, 1)
        row.addLayout(right, 2)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.profiles.clear()
        for profile in list_profiles():
            label = profile.name + ("  " + self.tr("(provided by IT)") if profile.locked else "")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, profile)
            self.profiles.addItem(item)
            if profile.name == select:
                self.profiles.setCurrentItem(item)
        if self.profiles.currentItem() is None:
            self._show(None)

    def _show(self, profile: Profile | None) -> None:
        self.name.setText(profile.name if profile else "")
        self.vendor.blockSignals(True)
        self.vendor.setCurrentText(profile.vendor if profile else VENDOR_IDS[0])
        self.vendor.blockSignals(False)
        self.user.setText(profile.user if profile else "")
        self.secret.clear()
        self.secret_env.setText(profile.secret_env or "" if profile else "")
        self.insecure.setChecked(bool(profile and profile.allow_insecure))
        self._build_vendor_fields(dict(profile.options) if profile else {})
        locked = bool(profile and profile.locked)
        for widget in (self.name, self.vendor, self.user, self.secret_env, self.insecure, self.save_button,
                       *self.vendor_fields.values()):
            widget.setEnabled(not locked)
        self.secret.setEnabled(True)  # a locked profile still needs the user's own password
        self.save_button.setEnabled(True)
        self.message.setText(self.tr("Provided by IT: only the password can be set here.") if locked else "")
        self._locked = locked

    def _build_vendor_fields(self, values: dict) -> None:
        while self.vendor_form.rowCount():
            self.vendor_form.removeRow(0)
        self.vendor_fields = {}
        for key, kind in VENDOR_KEYS[self.vendor.currentText()].items():
            if kind is dict:
                continue  # tables (e.g. 8x8 agent states) are edited in the file
            value = values.get(key)
            if kind is bool:
                field = QCheckBox()
                field.setChecked(bool(value))
            else:
                field = QLineEdit(", ".join(map(str, value)) if isinstance(value, list) else ("" if value is None else str(value)))
            field.setAccessibleName(key)
            self.vendor_fields[key] = field
            self.vendor_form.addRow(f"{key}:", field)

    def _vendor_section(self) -> dict:
        section = {}
        for key, field in self.vendor_fields.items():
            kind = VENDOR_KEYS[self.vendor.currentText()][key]
            if isinstance(field, QCheckBox):
                section[key] = field.isChecked()
                continue
            text = field.text().strip()
            if not text:
                continue
            if kind is list:
                section[key] = [part.strip() for part in text.split(",") if part.strip()]
            elif kind is int or kind == (int, float):
                try:
                    section[key] = int(text) if kind is int or text.isdigit() else float(text)
                except ValueError:
                    raise CtiError(self.tr("%1 must be a number").replace("%1", key)) from None
            else:
                section[key] = text
        current = self.profiles.currentItem()
        previous = current.data(Qt.ItemDataRole.UserRole) if current else None
        for key, value in (previous.options.items() if previous and previous.vendor == self.vendor.currentText() else ()):
            if isinstance(value, dict):
                section[key] = value  # keep tables edited in the file
        return section

    def save(self) -> None:
        current = self.profiles.currentItem()
        previous: Profile | None = current.data(Qt.ItemDataRole.UserRole) if current else None
        try:
            if not self._locked:
                data = {"name": self.name.text().strip(), "vendor": self.vendor.currentText(),
                        "user": self.user.text().strip(), "secret_env": self.secret_env.text().strip(),
                        "allow_insecure": self.insecure.isChecked(), self.vendor.currentText(): self._vendor_section()}
                path = save_profile(data, previous.path if previous and previous.name == data["name"] else None)
                previous = Profile(name=data["name"], vendor=data["vendor"], user=data["user"], path=path)
            if self.secret.text():
                store_secret(previous, self.secret.text())
        except CtiError as exc:
            self.message.setText(exc.message)
            return
        self.secret.clear()
        self.reload(select=previous.name)
        self.message.setText(self.tr("Saved."))
