"""Database work off the GUI thread: ``run_task(func, on_done, on_error)``, and
``run_progress_task`` for long work that reports progress and can be cancelled.

Results come back to the GUI thread through queued signals. A task whose owner has gone (the
page was closed or rebuilt) is dropped quietly instead of touching a deleted widget.
"""

import threading
from dataclasses import dataclass
from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class ProgressRelay(QObject):
    """Carries a task's progress and outcome to the GUI thread; ``cancel()`` asks it to stop."""

    sig_progress = Signal(object, object, str)
    """(done, total, what is being done now), on the GUI thread."""
    sig_done = Signal(object)
    """The task's result, on the GUI thread."""
    sig_failed = Signal(object)
    """The exception the task raised, on the GUI thread."""

    def __init__(self, owner: Optional[QObject] = None) -> None:
        super().__init__(owner)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        """Thread-safe: the task polls it between chunks."""
        return self._cancel.is_set()


def _emit(signal: Any, *values: Any) -> None:
    try:
        signal.emit(*values)
    except RuntimeError:
        pass  # the owner was deleted meanwhile: nobody is waiting for this


@dataclass
class TaskContext:
    """What a task running on the pool may call: ``report`` progress, ask ``cancelled``."""
    relay: ProgressRelay

    def report(self, done: int, total: int, label: str = "") -> None:
        _emit(self.relay.sig_progress, done, total, label)

    def cancelled(self) -> bool:
        return self.relay.cancelled()


class _Task(QRunnable):
    def __init__(self, func: Callable[[TaskContext], Any], relay: ProgressRelay) -> None:
        super().__init__()
        self.func, self.relay = func, relay

    def run(self) -> None:
        try:
            result = self.func(TaskContext(self.relay))
        except Exception as error:  # noqa: BLE001 — every failure is reported to the GUI thread
            _emit(self.relay.sig_failed, error)
        else:
            _emit(self.relay.sig_done, result)


def run_progress_task(func: Callable[[TaskContext], Any], on_progress: Callable[[int, int, str], None],
                      on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                      owner: Optional[QObject] = None) -> ProgressRelay:
    """Run ``func(context)`` on the thread pool; progress, result or exception arrive on the GUI
    thread. ``owner`` ties the callbacks' lifetime to a widget."""
    relay = ProgressRelay(owner)
    relay.sig_progress.connect(on_progress)
    relay.sig_done.connect(on_done)
    relay.sig_failed.connect(on_error)
    relay.sig_done.connect(relay.deleteLater)
    relay.sig_failed.connect(relay.deleteLater)
    QThreadPool.globalInstance().start(_Task(func, relay))
    return relay


def run_task(func: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None], owner: Optional[QObject] = None) -> ProgressRelay:
    """Run ``func()`` on the thread pool; call ``on_done(result)`` or ``on_error(exception)`` later
    on the GUI thread."""
    return run_progress_task(lambda _context: func(), lambda *_progress: None, on_done, on_error, owner)
