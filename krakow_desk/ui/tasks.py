"""Database work off the GUI thread: ``run_task(func, on_done, on_error)``.

Results come back to the GUI thread through a queued signal. A task whose receiver has gone
(the page was closed or rebuilt) is dropped quietly instead of touching a deleted widget.
"""

from typing import Any, Callable, Optional

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    sig_done = Signal(object)
    """The task's result, delivered on the GUI thread."""
    sig_failed = Signal(object)
    """The exception the task raised, delivered on the GUI thread."""


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.func, self.relay = func, relay

    def run(self) -> None:
        try:
            result = self.func()
        except Exception as error:  # noqa: BLE001 — every failure is reported to the GUI thread
            self._emit(self.relay.sig_failed, error)
        else:
            self._emit(self.relay.sig_done, result)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            pass  # the owner was deleted meanwhile: nobody is waiting for this result


def run_task(func: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None], owner: Optional[QObject] = None) -> _Relay:
    """Run ``func`` on the thread pool; call ``on_done(result)`` or ``on_error(exception)`` later
    on the GUI thread. ``owner`` ties the callbacks' lifetime to a widget."""
    relay = _Relay(owner)
    relay.sig_done.connect(on_done)
    relay.sig_failed.connect(on_error)
    relay.sig_done.connect(relay.deleteLater)
    relay.sig_failed.connect(relay.deleteLater)
    QThreadPool.globalInstance().start(_Task(func, relay))
    return relay
