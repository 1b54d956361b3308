"""Saving the office's rules from the settings, where each box (gifts, correspondence) owns a part."""

from typing import Any, Optional

from krakow_desk.services.collection import Changes


def save_policy(desk: Any, values: dict[str, Any]) -> Optional[Changes]:
    """Write ``values`` over the office policy as it is now, so that the rules another box owns are
    kept, whoever changed them last (another box of the same dialog may just have written its part).
    None when nothing would change; InvalidRecord from the services goes to the caller, which knows
    the field to mark."""
    current = desk.policy().model_dump()
    wanted = {**current, **values}
    if wanted == current:
        return None
    return desk.set_policy(wanted)
