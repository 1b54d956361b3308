"""The main window: sidebar of sections, global search, status bar, menus.

Everything with text is built in ``_build`` so that switching the language rebuilds the window
in place — every string is translated again without a restart, and each page keeps its place.
"""

from typing import Any, Optional

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
    QSizePolicy, QStackedWidget, QToolBar, QWidget,
)

from krakow_desk import i18n
from krakow_desk.i18n import _, ngettext
from krakow_desk.services.collection import Changes
from krakow_desk.services.desk import Desk, default_actor
from krakow_desk.services.errors import kind_name
from krakow_desk.ui import settings as opt
from krakow_desk.ui.dialogs import AboutDialog, SettingsDialog, show_error
from krakow_desk.ui.pages import SECTION_OF_KIND, SECTIONS
from krakow_desk.ui.pages.base import Page
from krakow_desk.ui.search_box import SearchBox
from krakow_desk.ui.settings import Settings
from krakow_desk.ui.tasks import run_task
from krakow_desk.ui.translation import install_qt_translator


SECTION_IDS = [entry.id for entry in SECTIONS]


def apply_history_name(desk: Desk, name: str) -> None:
    """Who the change history names for this window's saves: the name set, else the login name."""
    desk.actor = name or default_actor()


class _Pages(dict):
    """The sections' pages, each built the first time it is asked for: a window opens on one
    section, and the others cost nothing until they are shown. Iterating sees the built ones
    only — the pages that can show stale data or have a state to keep."""

    def __init__(self, build: Any) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, section: str) -> Page:
        page = self[section] = self._build(section)
        return page


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, settings: Optional[Settings] = None) -> None:
        super().__init__()
        self.desk = desk
        self.settings = settings or Settings()
        self.pages: dict[str, Page] = _Pages(self._make_page)
        self._pending_states: dict[str, dict] = {}   # of pages not built yet, after a rebuild
        install_qt_translator(i18n.language())
        self._build(self.settings.get(opt.LAST_SECTION), {})
        # When follow-ups are overdue the window opens on the agenda, saying how many.
        run_task(self.desk.overdue_count, self._opened_with_overdue, self.show_error, owner=self)
        geometry = self.settings.get(opt.GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 760)

    # --- building --------------------------------------------------------------------------

    def _build(self, section: str, states: dict[str, dict]) -> None:
        self.setWindowTitle(_("Krakow Desk — international relations office"))
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(_("Sections"))
        self.sidebar.setStyleSheet("QListWidget#sidebar { border: none; }"
                                   "QListWidget#sidebar::item { padding: 7px 12px; }")
        self.stack = QStackedWidget(self)
        self.pages = _Pages(self._make_page)
        self._pending_states = states
        for entry in SECTIONS:
            item = QListWidgetItem(_(entry.title), self.sidebar)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            if entry.shortcut:
                item.setToolTip(f"{_(entry.title)} ({QKeySequence(entry.shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        self.sidebar.setFixedWidth(max(self.sidebar.sizeHintForColumn(0) + 36, 170))
        self.sidebar.currentRowChanged.connect(self._section_changed)

        body = QWidget(self)
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        old = self.centralWidget()
        self.setCentralWidget(body)
        if old is not None:
            old.deleteLater()

        self.search = SearchBox(self.desk, self)
        self.search.sig_open.connect(self.open_hit)
        self.search.sig_error.connect(self.show_error)
        self._build_toolbar()
        self._build_menus()

        self.page_label = QLabel(self)
        location = self.desk.location
        if getattr(self.desk, "read_only", False):
            location = _("{path} (read-only)").format(path=location)
        self.database_label = QLabel(_("Database: {url}").format(url=location), self)
        self.database_label.setTextFormat(Qt.TextFormat.PlainText)
        bar = self.statusBar()
        for child in bar.findChildren(QLabel):
            bar.removeWidget(child)
            child.deleteLater()
        bar.addWidget(self.page_label, 1)
        bar.addPermanentWidget(self.database_label)
        self.show_section(section if section in SECTION_IDS else "agenda")

    def _make_page(self, section: str) -> Page:
        entry = SECTIONS[SECTION_IDS.index(section)]
        page = entry.make(self.desk, self.stack)
        page.setObjectName(f"page-{entry.id}")
        page.sig_status.connect(lambda text, p=page: self._page_status(p, text))
        page.sig_error.connect(self.show_error)
        page.sig_changed.connect(self.broadcast)
        page.sig_open.connect(self.open_record)
        if hasattr(page, "sig_overdue"):
            page.sig_overdue.connect(self.set_overdue)
        self.stack.addWidget(page)
        page.restore_state(self._stored_state(entry.id) | self._pending_states.pop(entry.id, {}))
        return page

    def _page_states(self) -> dict[str, dict]:
        """Every page's place, built or still waiting, for a rebuild of the window."""
        return {**self._pending_states, **{name: page.save_state() for name, page in self.pages.items()}}

    def _build_toolbar(self) -> None:
        for old in self.findChildren(QToolBar):
            self.removeToolBar(old)
            old.deleteLater()
        bar = QToolBar(_("Search"), self)
        bar.setObjectName("search-toolbar")
        bar.setMovable(False)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.search)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _action(self, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        for action in self.actions():
            self.removeAction(action)
        menubar = self.menuBar()
        menubar.clear()
        file_menu = menubar.addMenu(_("&File"))
        file_menu.addAction(self._action(_("&Import…"), self.open_import, "Ctrl+I"))
        file_menu.addAction(self._action(_("&Export…"), self.open_export, "Ctrl+E"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("&Settings…"), self.open_settings, "Ctrl+,"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("&Quit"), self.close, "Ctrl+Q"))
        edit_menu = menubar.addMenu(_("&Edit"))
        self.new_action = self._action(_("&New record"), lambda: self.current_page().new_record(),
                                       QKeySequence.StandardKey.New)
        self.delete_action = self._action(_("&Delete record"), lambda: self.current_page().delete_selected(),
                                          QKeySequence.StandardKey.Delete)
        edit_menu.addAction(self.new_action)
        edit_menu.addAction(self.delete_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(_("&Filter the list"), lambda: self.current_page().focus_filter(),
                                         QKeySequence.StandardKey.Find))
        edit_menu.addAction(self._action(_("&Search everything"), self.search.focus_search, "Ctrl+K"))
        view_menu = menubar.addMenu(_("&View"))
        for entry in SECTIONS:
            view_menu.addAction(self._action(_(entry.title), lambda _c=False, s=entry.id: self.show_section(s),
                                             entry.shortcut or None))
        view_menu.addSeparator()
        view_menu.addAction(self._action(_("Change &history…"), self.open_change_log, "Ctrl+H"))
        view_menu.addAction(self._action(_("&Refresh"), lambda: self.current_page().refresh(),
                                         "F5"))
        help_menu = menubar.addMenu(_("&Help"))
        help_menu.addAction(self._action(_("&About Krakow Desk"), self.open_about))

    # --- sections --------------------------------------------------------------------------

    def current_section(self) -> str:
        item = self.sidebar.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "partners"

    def current_page(self) -> Page:
        return self.pages[self.current_section()]

    def show_section(self, section: str) -> Page:
        row = SECTION_IDS.index(section)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)
        else:
            self._section_changed(row)
        return self.pages[section]

    def _section_changed(self, row: int) -> None:
        if row < 0:
            return
        page = self.pages[SECTIONS[row].id]
        self.stack.setCurrentWidget(page)
        page.activate()
        self.page_label.setText(page.status_text())

    def _opened_with_overdue(self, count: int) -> None:
        self.set_overdue(count)
        if count:
            self.show_section("agenda")

    def set_overdue(self, count: int) -> None:
        """Show the number of overdue follow-ups beside the agenda in the sidebar."""
        row = SECTION_IDS.index("agenda")
        item = self.sidebar.item(row)
        title = _(SECTIONS[row].title)
        item.setText(f"{title} ({count})" if count else title)
        font = item.font()
        font.setBold(bool(count))
        item.setFont(font)
        item.setToolTip(ngettext("{n} follow-up overdue", "{n} follow-ups overdue", count).format(n=count)
                        if count else title)

    def _page_status(self, page: Page, text: str) -> None:
        if page is self.stack.currentWidget():
            self.page_label.setText(text)

    # --- records ---------------------------------------------------------------------------

    def broadcast(self, changes: Changes) -> None:
        """A page wrote something: every page showing those kinds reloads."""
        for page in self.pages.values():
            page.on_changes(changes)
        self.search.last_hits = []

    def open_record(self, kind: str, key: str) -> bool:
        """Show a record in the section that lists its kind; a follow-up task with the record
        it belongs to."""
        if kind == "task":
            task = self.desk.tasks.find(key)
            if task is None:
                return False
            if task.visit is None:
                for owner in ("letter", "agreement", "event"):
                    if getattr(task, owner):
                        return self.open_record(owner, getattr(task, owner))
                if task.partner:
                    partners = self.show_section("partners")
                    partners.open_partner_tab(task.partner, "task", key)  # type: ignore[attr-defined]
                    return True
                return False
        section = SECTION_OF_KIND.get(kind)
        if section is None:
            return False
        return self.show_section(section).open_record(kind, key)

    def open_hit(self, hit: Any) -> None:
        if self.open_record(hit.kind, hit.id):
            return
        if hit.partner is not None:
            partners = self.show_section("partners")
            partners.open_partner_tab(hit.partner.key, hit.kind, hit.id)  # type: ignore[attr-defined]
            return
        QMessageBox.information(self, _("Krakow Desk"), _(
            "“{title}” ({kind}) is not linked to a partner, and the register of such records is not built "
            "yet, so it cannot be opened here.").format(title=hit.title, kind=kind_name(hit.kind)))

    def show_error(self, error: BaseException) -> None:
        show_error(self, error)

    # --- dialogs ---------------------------------------------------------------------------

    def open_about(self) -> None:
        AboutDialog(self.desk.location, str(self.settings.path), self).exec()

    def open_import(self) -> None:
        from krakow_desk.ui.exchange_dialogs import ImportDialog
        dialog = ImportDialog(self.desk, self)
        if dialog.path is not None and dialog.exec() and dialog.report is not None:
            self.broadcast(dialog.changes())
            count = dialog.report.total_changed
            self.statusBar().showMessage(ngettext("Imported: {n} record added or updated.",
                                                  "Imported: {n} records added or updated.", count).format(n=count),
                                         10000)

    def open_change_log(self) -> Any:
        """The whole change history, in a window beside this one."""
        from krakow_desk.ui.change_log import open_change_log
        return open_change_log(self.desk, self, self.open_record)

    def open_export(self) -> None:
        from krakow_desk.ui.exchange_dialogs import ExportDialog
        ExportDialog(self.desk, self).exec()

    def open_settings(self) -> None:
        dialog = SettingsDialog(i18n.language(), self, self.desk, self.settings.get(opt.HISTORY_NAME))
        dialog.sig_restored.connect(lambda _path: self.reload_all())
        if dialog.exec():
            if dialog.changes():
                self.broadcast(dialog.changes())
            self.settings.set(opt.LANGUAGE, dialog.chosen_language())
            self.settings.set(opt.HISTORY_NAME, dialog.chosen_history_name())
            apply_history_name(self.desk, dialog.chosen_history_name())
            self.switch_language(dialog.chosen_language())

    def reload_all(self) -> None:
        """The whole database changed under the window (a restore): every page is built again,
        each keeping its place where its record still exists."""
        states = self._page_states()
        section = self.current_section()
        for page in self.pages.values():
            page.setParent(None)
            page.deleteLater()
        self._build(section, states)
        run_task(self.desk.overdue_count, self.set_overdue, self.show_error, owner=self)

    def switch_language(self, language: str) -> None:
        if language == i18n.language():
            return
        states = self._page_states()
        section = self.current_section()
        i18n.set_language(language)
        install_qt_translator(language)
        for page in self.pages.values():
            page.setParent(None)
            page.deleteLater()
        self._build(section, states)

    # --- closing ---------------------------------------------------------------------------

    def _stored_state(self, section: str) -> dict:
        splitter = self.settings.value(f"pages/{section}/splitter")
        return {"splitter": splitter} if isinstance(splitter, QByteArray) else {}

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(opt.GEOMETRY, self.saveGeometry())
        self.settings.set(opt.LAST_SECTION, self.current_section())
        for name, page in self.pages.items():
            state = page.save_state()
            if state.get("splitter") is not None:
                self.settings.set_value(f"pages/{name}/splitter", state["splitter"])
        self.settings.sync()
        super().closeEvent(event)
