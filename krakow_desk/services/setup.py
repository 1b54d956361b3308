"""Opening a database ready for work: created or migrated, and filled with Krakow's data when new."""

from typing import Optional

from krakow_desk.services.dataset import ImportReport, import_dataset
from krakow_desk.services.desk import Desk


def load_krakow(desk: Desk) -> ImportReport:
    from krakow_desk.exchange import dataset_json
    from krakow_desk.resources import krakow_dataset
    return import_dataset(desk, dataset_json.read(krakow_dataset()))


def open_ready(target: Optional[str] = None, *, empty: bool = False,
               verify: Optional[bool] = None) -> tuple[Desk, Optional[ImportReport]]:
    """Open (creating or upgrading) the database; a database with no records gets Krakow's data.
    ``verify``: see Desk.open."""
    desk = Desk.open(target, create=True, verify=verify)
    try:
        report = None if empty or not desk.is_empty() else load_krakow(desk)
    except BaseException:
        desk.close()
        raise
    return desk, report
