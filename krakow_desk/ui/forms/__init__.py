"""Forms that create and edit records, and the question before deleting one.

``FORMS[kind](desk, key_or_None, parent, initial=...)`` is a ``RecordForm`` (a QDialog); after
``exec()`` returns Accepted, ``form.changes`` and ``form.saved_key`` say what was saved.
"""

from krakow_desk.ui.forms.agreement import AgreementForm
from krakow_desk.ui.forms.base import RecordForm
from krakow_desk.ui.forms.delete import confirm_delete
from krakow_desk.ui.forms.event import EventForm
from krakow_desk.ui.forms.gift import GiftForm
from krakow_desk.ui.forms.letter import LetterForm
from krakow_desk.ui.forms.others import InstitutionForm, MembershipForm, OrganisationForm
from krakow_desk.ui.forms.partner import PartnerForm
from krakow_desk.ui.forms.person import PersonForm
from krakow_desk.ui.forms.task import TaskForm
from krakow_desk.ui.forms.visit import VisitForm

FORMS: dict[str, type[RecordForm]] = {
    "partner": PartnerForm,
    "person": PersonForm,
    "institution": InstitutionForm,
    "organisation": OrganisationForm,
    "membership": MembershipForm,
    "agreement": AgreementForm,
    "event": EventForm,
    "gift": GiftForm,
    "visit": VisitForm,
    "task": TaskForm,
    "letter": LetterForm,
}

__all__ = ["FORMS", "RecordForm", "confirm_delete", "PartnerForm", "PersonForm", "InstitutionForm",
           "OrganisationForm", "MembershipForm", "AgreementForm", "EventForm", "GiftForm", "VisitForm", "TaskForm",
           "LetterForm"]
