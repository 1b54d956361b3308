"""Placing editors: a field with its error line, form pages that scroll, red marks for errors."""

from typing import Any, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QLabel, QPlainTextEdit, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

ERROR_COLOUR = "#b3261e"
THEIRS_COLOUR = "#d99a00"   # a field someone else saved another value in while the form was open
# Applied to the whole dialog; only widgets marked invalid match, the others keep the native look.
STYLE = f"""
*[invalid="true"] {{ border: 2px solid {ERROR_COLOUR}; border-radius: 3px; }}
QLabel[role="error"] {{ color: {ERROR_COLOUR}; }}
QLabel[role="hint"] {{ color: palette(placeholder-text); }}
*[theirs="true"] {{ border: 2px solid {THEIRS_COLOUR}; border-radius: 3px; }}
QLabel[role="theirs"] {{ color: #8a5300; }}
"""


def mark(widget: QWidget, invalid: bool, flag: str = "invalid") -> None:
    """Draw (or remove) the red border of a field in error (``flag="theirs"``: the amber one of a
    field saved meanwhile by someone else)."""
    if bool(widget.property(flag)) == invalid:
        return
    widget.setProperty(flag, invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def error_label(parent: Optional[QWidget] = None) -> QLabel:
    label = QLabel(parent)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


class FieldBox(QWidget):
    """An editor with a red message under it when its value is wrong."""

    def __init__(self, editor: QWidget, hint: Optional[str] = None) -> None:
        super().__init__()
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        narrow = editor.maximumWidth() < 10000   # a short field (a number) keeps to the left
        layout.addWidget(editor, 0, Qt.AlignmentFlag.AlignLeft if narrow else Qt.AlignmentFlag(0))
        self.hint = QLabel(hint or "", self)
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        layout.addWidget(self.hint)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.setFocusProxy(editor)
        # Only a field meant to grow (notes) takes the room a page has to spare; the others keep
        # their height, or a form layout would spread them apart.
        grows = editor.sizePolicy().verticalPolicy() in (
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding) and editor.maximumHeight() > 10000
        self.setSizePolicy(QSizePolicy.Policy.Preferred,
                           QSizePolicy.Policy.Expanding if grows else QSizePolicy.Policy.Maximum)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        mark(self.editor, True)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        mark(self.editor, False)

    @property
    def has_error(self) -> bool:
        return not self.error.isHidden()


def form_layout(parent: Optional[QWidget] = None) -> QFormLayout:
    form = QFormLayout(parent)
    # Labels right-aligned beside their fields; rows wrap on a narrow window rather than clip.
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form


def add_row(form: QFormLayout, text: str, box: QWidget, editor: Optional[QWidget] = None) -> QLabel:
    """A labelled row; the label is as tall as a one-line field, so it lines up with the text."""
    label = QLabel(text)
    # Top-aligned, pushed down to the field's first line of text: a hint or an error under the
    # field makes the row taller, and the label must stay beside the field, not drift to the middle.
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    target: Any = editor or getattr(box, "editor", box)
    label.setBuddy(target)
    if isinstance(target, QPlainTextEdit) or target.sizeHint().height() >= 60:
        top = 4
    else:
        top = max(0, (target.sizeHint().height() - label.fontMetrics().height()) // 2)
    label.setContentsMargins(0, top, 0, 0)
    form.addRow(label, box)
    return label


def scroll_page(content: QWidget) -> QScrollArea:
    """A tab page that scrolls when the screen is smaller than the form, instead of clipping."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def section(text: str) -> QLabel:
    """A bold heading between groups of rows."""
    heading = QLabel(text)
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    heading.setContentsMargins(0, 8, 0, 0)
    return heading
