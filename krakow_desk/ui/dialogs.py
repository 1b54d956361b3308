"""About, Settings, and how errors reach the user."""

import logging
import traceback
from typing import Any, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QTabWidget,
    QVBoxLayout, QWidget,
)

from krakow_desk import __version__
from krakow_desk.i18n import LANGUAGES, _
from krakow_desk.services.collection import Changes
from krakow_desk.services.errors import DeskError
from krakow_desk.store.paths import data_dir

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"pl": "Polski", "en": "English"}   # each language named in itself


def show_error(parent: Optional[QWidget], error: BaseException) -> None:
    """A readable message for errors the user can act on; for bugs, an apology with details."""
    if isinstance(error, DeskError):
        QMessageBox.warning(parent, _("Krakow Desk"), error.message)
        return
    if isinstance(error, OSError):
        # The environment, not a bug: a full disk, a file that cannot be read.
        QMessageBox.warning(parent, _("Krakow Desk"),
                            _("The operating system refused: {reason}").format(reason=error.strerror or error))
        return
    log.error("unexpected error", exc_info=error)
    box = QMessageBox(QMessageBox.Icon.Critical, _("Krakow Desk"),
                      _("Something went wrong that Krakow Desk did not expect. Your saved data is "
                        "safe; the last action may not have been completed."), QMessageBox.StandardButton.Ok,
                      parent)
    box.setDetailedText("".join(traceback.format_exception(error)))
    box.exec()


class AboutDialog(QDialog):
    def __init__(self, database: str, settings_file: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About Krakow Desk"))
        title = QLabel(_("Krakow Desk {version}").format(version=__version__), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(_("Partner-relations manager of the international relations office "
                         "of the City of Krakow."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for name, value in ((_("Data folder"), str(data_dir())), (_("Database"), database),
                            (_("Settings file"), settings_file)):
            label = QLabel(value, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.values[name] = label
            form.addRow(name + ":", label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)


class SettingsDialog(QDialog):
    sig_restored = Signal(object)
    """A backup was restored from the Backups part (its path): the window reloads every page."""

    def __init__(self, current_language: str, parent: Optional[QWidget] = None, desk: Optional[Any] = None,
                 history_name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(self.language.findData(current_language), 0))
        self.history_name = QLineEdit(history_name, self)
        self.history_name.setPlaceholderText(default_actor_name())
        self.history_name.setToolTip(_("The name the change history gives for what you save here; "
                                       "empty: your login name"))
        form = QFormLayout()
        form.addRow(_("&Language of the interface:"), self.language)
        form.addRow(_("Your &name in the change history:"), self.history_name)
        note = QLabel(_("Reports can be printed in either language whatever the interface uses."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        general = QWidget(self)
        page = QVBoxLayout(general)
        page.addLayout(form)
        page.addWidget(note)
        self.gifts = None   # the office's rules for the gifts register, kept in the database
        self.correspondence = None   # and for letters: reference numbers, dormant partners
        self.backups = None   # the database's backups: made and restored from here, on their own tab
        layout = QVBoxLayout(self)
        if desk is not None:
            from krakow_desk.ui.forms.gift import GiftPolicyBox
            self.gifts = GiftPolicyBox(desk, general)
            page.addWidget(self.gifts)
            from krakow_desk.ui.forms.letter import CorrespondencePolicyBox
            self.correspondence = CorrespondencePolicyBox(desk, general)
            page.addWidget(self.correspondence)
            page.addStretch(1)
            from krakow_desk.ui.backups_box import BackupsBox
            self.tabs = QTabWidget(self)
            self.tabs.addTab(general, _("&General"))
            self.backups = BackupsBox(desk, self.tabs)
            self.backups.sig_restored.connect(self.sig_restored)
            self.tabs.addTab(self.backups, _("&Backups"))
            layout.addWidget(self.tabs, 1)
        else:
            page.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(general)
        layout.addWidget(buttons)
        self.setMinimumWidth(560 if desk is not None else 420)
        if desk is not None:
            # Wide enough that the policy boxes' wrapped hints get the height they ask for.
            self.resize(max(self.sizeHint().width(), 680), self.sizeHint().height())

    def accept(self) -> None:
        # The correspondence box is checked first and saved last, over the policy as the gifts box
        # leaves it, so that neither box's part of the policy is lost.
        letters = self.correspondence
        problem = letters.problem() if letters is not None else None
        if problem is not None:
            letters.show_problem(problem)  # type: ignore[union-attr]
            return
        if (self.gifts is None or self.gifts.save()) and (letters is None or letters.save()):
            super().accept()

    def changes(self) -> Changes:
        """What the dialog wrote to the database (the office's rules), for the pages to refresh."""
        written = [box.changes for box in (self.gifts, self.correspondence) if box is not None and box.changes]
        return written[-1] if written else Changes()

    def chosen_language(self) -> str:
        return self.language.currentData()

    def chosen_history_name(self) -> str:
        return " ".join(self.history_name.text().split())


def default_actor_name() -> str:
    """The login name the change history uses when no name is set."""
    import getpass
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in this environment
        return ""
