"""A person's personal data (GDPR): exporting everything held about them, and erasing it after a
confirmation that says what happens and asks for the family name to be typed."""

from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget,
)

from krakow_desk.domain.text import fold
from krakow_desk.i18n import _
from krakow_desk.services.collection import Changes
from krakow_desk.titles import person_name
from krakow_desk.ui.tasks import run_task
from krakow_desk.ui.widgets import WARNING_STYLE


def default_export_path(key: str) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    return str(Path(folder) / _("personal-data-{key}.json").format(key=key))


class PersonalDataActions(QObject):
    """Export… and Erase… for the person a page shows; the page hands over the person."""

    sig_exported = Signal(str)
    """The path the personal data was written to."""
    sig_erased = Signal(object)
    """The services' Changes of an erasure (the person's record now has a new, anonymous key)."""
    sig_error = Signal(object)

    def __init__(self, desk: Any, parent: QWidget) -> None:
        super().__init__(parent)
        self.desk, self.parent_widget = desk, parent

    def export(self, person: Any) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self.parent_widget, _("Export personal data"), default_export_path(person.key),
            _("JSON files (*.json)"))
        if not path:
            return
        key, desk = person.key, self.desk
        run_task(lambda: str(desk.people.export_personal_data(key, path)), self._exported,
                 self.sig_error.emit, owner=self)

    def _exported(self, path: str) -> None:
        QMessageBox.information(self.parent_widget, _("Export personal data"), _(
            "Everything the office holds about this person was written to {path}.").format(path=path))
        self.sig_exported.emit(path)

    def erase(self, person: Any) -> None:
        dialog = ErasureDialog(person, self.parent_widget)
        accepted = dialog.exec()
        dialog.deleteLater()
        if not accepted:
            return
        key, desk = person.key, self.desk
        run_task(lambda: desk.people.erase(key), self.sig_erased.emit, self.sig_error.emit, owner=self)


class ErasureDialog(QDialog):
    """What an erasure does, and the family name typed to confirm it."""

    def __init__(self, person: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.person = person
        self.setWindowTitle(_("Erase personal data"))
        name = person_name(person)
        heading = QLabel(_("Erase the personal data of {name}?").format(name=name), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        explanation = QLabel("\n\n".join([
            _("This removes the person's name, contact details, function, affiliations, protocol notes "
              "and every other personal field, and clears their values from the change history."),
            _("Their name is also removed from visit delegations, programmes and the gifts register. "
              "The record stays as an anonymous “Erased person”, so that visits, letters and gifts "
              "keep their links."),
            _("This cannot be undone. Export the personal data first if the person asked for a copy."),
        ]), self)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        explanation.setWordWrap(True)
        explanation.setStyleSheet(WARNING_STYLE)
        prompt = QLabel(_("To confirm, type the family name: {name}").format(name=person.family_name), self)
        prompt.setTextFormat(Qt.TextFormat.PlainText)
        prompt.setWordWrap(True)
        self.confirmation = QLineEdit(self)
        self.confirmation.setAccessibleName(_("Family name, to confirm"))
        prompt.setBuddy(self.confirmation)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.erase_button = self.buttons.addButton(_("Erase personal data"),
                                                   QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.confirmation.textChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        for widget in (heading, explanation, prompt, self.confirmation):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self.confirmation.setFocus()

    def _typed(self, text: str) -> None:
        # Case and Polish letters aside: "przezdziecka" confirms Przeździecka.
        self.erase_button.setEnabled(bool(text.strip()) and fold(text.strip()) == fold(self.person.family_name))


def erased_key(changes: Changes) -> Optional[str]:
    """The anonymous key an erased person's record has now."""
    return next((key for kind, key in changes.updated if kind == "person"), None)

