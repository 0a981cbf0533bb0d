"""Forms for the plan pages."""

from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.core.forms import DatePicker, GovukForm, text_box
from lineofsight.plans.models import GovernanceBody, Inspection, Judgement, Person, Plan, Rag, Recommendation, Status


def lines_of(text: str) -> list[str]:
    """One item per non-empty line, as typed."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ActionFields(GovukForm):
    """What an action says, shared by the form that adds one and the form that edits one:
    its text, owners (ticked, or a name typed in), partners, deadline, status, measures and
    the governance bodies it reports to, each chosen from the action's own organisation."""

    text = forms.CharField(label="Action", widget=forms.Textarea(attrs={"rows": 4}))
    owners = forms.ModelMultipleChoiceField(
        label="Owners",
        help_text="Tick everyone who owns this action",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_owner = forms.CharField(
        label="Add an owner not listed",
        help_text="Name and role as the plan prints it, e.g. 'Jo Bloggs – Head of Service'",
        required=False,
        max_length=300,
    )
    partners = text_box("Key partners", help_text="One per line")
    due_text = forms.CharField(label="Timescale as printed", required=False, max_length=300)
    due_date = forms.DateField(
        label="Deadline",
        required=False,
        help_text="For example, 2026-06-30",
        widget=DatePicker,
    )
    status = forms.ChoiceField(label="Delivery status", choices=[("", "Not set"), *Status.choices], required=False)
    measures = text_box("How success is measured", help_text="One measure per line")
    reported_to = forms.ModelMultipleChoiceField(
        label="Reported to",
        queryset=GovernanceBody.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation_id = organisation_id
        self.fields["owners"].queryset = Person.objects.filter(organisation_id=organisation_id)  # type: ignore[attr-defined]
        self.fields["reported_to"].queryset = GovernanceBody.objects.filter(organisation_id=organisation_id)  # type: ignore[attr-defined]
        self.fields["reported_to"].label_from_instance = lambda body: body.name  # type: ignore[attr-defined]

    def typed_owner(self) -> Person | None:
        """The person named in "Add an owner not listed", found or created by that name."""
        typed = (self.cleaned_data.get("new_owner") or "").strip()
        if not typed:
            return None
        person, _ = Person.objects.get_or_create(organisation_id=self.organisation_id, name=typed)
        return person


# The areas an ILACS judges, as the report names them (key, label).
JUDGEMENT_AREAS = [
    ("overall", "Overall effectiveness"),
    ("help", "The experiences and progress of children who need help and protection"),
    ("in_care", "The experiences and progress of children in care"),
    ("care_leavers", "The experiences and progress of care leavers"),
    ("leaders", "The impact of leaders on social work practice with children and families"),
]


class ActionFilterForm(GovukForm):
    """The filters above a plan: owner, RAG, status, governance body and due window."""

    DUE_CHOICES = [
        ("", "Any time"),
        ("overdue", "Overdue"),
        ("30", "Due in the next 30 days"),
        ("90", "Due in the next 90 days"),
        ("none", "No deadline"),
    ]

    owner = forms.ModelChoiceField(queryset=Person.objects.none(), required=False, empty_label="Anyone")
    rag = forms.ChoiceField(choices=[("", "Any RAG"), *Rag.choices, ("none", "No RAG")], required=False, label="RAG")
    status = forms.ChoiceField(choices=[("", "Any status"), *Status.choices, ("none", "Not stated")], required=False)
    body = forms.ModelChoiceField(
        queryset=GovernanceBody.objects.none(), required=False, empty_label="Any body", label="Reported to"
    )
    due = forms.ChoiceField(choices=DUE_CHOICES, required=False, label="Due")

    def __init__(self, *args: object, people, bodies, **kwargs: object) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]
        self.fields["body"].queryset = bodies  # type: ignore[attr-defined]


# --- Maintaining the plan in the browser ---------------------------------------------


def inspection_dates_in_order(form: forms.Form, data: dict[str, Any]) -> dict[str, Any]:
    """An inspection's last day may not come before its first (the plan form and the
    import preview both ask for them)."""
    if data.get("started") and data.get("ended") and data["ended"] < data["started"]:
        form.add_error("ended", "The last day must be on or after the first day")
    return data


class PlanForm(GovukForm):
    """The plan's title and status, and the inspection it answers."""

    title = forms.CharField(label="Plan title", max_length=300)
    status = forms.ChoiceField(label="Plan status", choices=Plan.PlanStatus.choices)
    kind = forms.ChoiceField(label="Inspection kind", choices=Inspection.Kind.choices)
    kind_text = forms.CharField(
        label="Kind as the plan words it", required=False, max_length=100, help_text="Only for an unusual kind"
    )
    started = forms.DateField(label="First day of the inspection", required=False, widget=DatePicker)
    ended = forms.DateField(
        label="Last day of the inspection",
        required=False,
        widget=DatePicker,
        help_text="Timescales such as '3 months' count from this day",
    )
    published = forms.DateField(label="Report published", required=False, widget=DatePicker)
    report_url = forms.URLField(label="Link to the published report", required=False, assume_scheme="https")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # One grade per area Ofsted judges, in the order the report lists them.
        for key, area in JUDGEMENT_AREAS:
            self.fields[f"grade_{key}"] = forms.ChoiceField(
                label=area, choices=[("", "Not judged"), *Judgement.Grade.choices], required=False
            )

    def judgement_fields(self) -> list[Any]:
        return [self[f"grade_{key}"] for key, _area in JUDGEMENT_AREAS]

    def grades(self) -> dict[str, str]:
        """Area → grade for the areas given a grade."""
        return {
            area: self.cleaned_data[f"grade_{key}"]
            for key, area in JUDGEMENT_AREAS
            if self.cleaned_data.get(f"grade_{key}")
        }

    def clean(self) -> dict[str, Any]:
        return inspection_dates_in_order(self, super().clean() or {})


class RecommendationForm(GovukForm):
    """A recommendation as Ofsted worded it, where it sits, and the outcomes promised."""

    ref = forms.CharField(label="Number", required=False, max_length=50, help_text="As printed, e.g. '3' or '13/14'")
    text = forms.CharField(label="Recommendation", widget=forms.Textarea(attrs={"rows": 4}))
    theme = forms.CharField(label="Theme", required=False, max_length=100, help_text="e.g. Care leavers")
    priority_band = forms.CharField(label="Priority band", required=False, max_length=100)
    section = forms.CharField(label="Heading it sits under", required=False, max_length=300)
    outcomes = text_box("Outcomes for children", help_text="One per line")

    FIELDS = ("ref", "text", "theme", "priority_band", "section")

    @classmethod
    def initial_for(cls, recommendation: Recommendation) -> dict[str, Any]:
        initial: dict[str, Any] = {name: getattr(recommendation, name) for name in cls.FIELDS}
        initial["outcomes"] = "\n".join(recommendation.outcomes or [])
        return initial

    def values(self) -> dict[str, Any]:
        values = {name: self.cleaned_data[name].strip() for name in self.FIELDS}
        values["outcomes"] = lines_of(self.cleaned_data["outcomes"])
        return values


class NewActionForm(ActionFields):
    """A new action under a recommendation: what, by whom, with whom, by when, measured
    how and reported to which governance body."""

    ref = forms.CharField(label="Letter or number", required=False, max_length=20)

    field_order = ["ref"]  # the reference first, as the plan prints it

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "ref": data["ref"].strip(),
            "text": data["text"].strip(),
            "partners": lines_of(data["partners"]),
            "due_text": data["due_text"].strip(),
            "due_date": data["due_date"],
            "status": data["status"],
            "measures": lines_of(data["measures"]),
        }

    def owner_list(self) -> list[Person]:
        owners = list(self.cleaned_data["owners"])
        typed = self.typed_owner()
        if typed is not None and typed not in owners:
            owners.append(typed)
        return owners


class PersonForm(GovukForm):
    """A person as the plans name them, and how they sign in or are e-mailed."""

    name = forms.CharField(label="Name as printed", max_length=300)
    role_title = forms.CharField(label="Role", required=False, max_length=200)
    agency = forms.CharField(label="Partner agency", required=False, max_length=200, help_text="If not the council")
    email = forms.EmailField(label="Email address", required=False, help_text="Where reminders go")
    user: forms.ModelChoiceField = forms.ModelChoiceField(  # type: ignore[type-arg]
        label="Sign-in", queryset=None, required=False, empty_label="Not linked to a sign-in",
        help_text="Links this person to a member's sign-in, so their actions appear in My actions",
    )  # fmt: skip

    def __init__(self, *args: Any, organisation_id: int, person_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        self.organisation_id = organisation_id
        self.person_id = person_id
        self.fields["user"].queryset = (  # type: ignore[attr-defined]
            get_user_model().objects.filter(memberships__organisation_id=organisation_id).order_by("username")
        )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = Person.objects.filter(organisation_id=self.organisation_id, name=name).exclude(pk=self.person_id or 0)
        if clash.exists():
            raise forms.ValidationError(f"Someone is already called {name!r}; merge the two instead")
        return name


class MergeForm(GovukForm):
    """Merge spellings of one person: keep one, the others become its aliases."""

    keep = forms.ModelChoiceField(queryset=Person.objects.none())
    merge = forms.ModelMultipleChoiceField(queryset=Person.objects.none())

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = Person.objects.filter(organisation_id=organisation_id)
        self.fields["keep"].queryset = people  # type: ignore[attr-defined]
        self.fields["merge"].queryset = people  # type: ignore[attr-defined]


class GovernanceBodyForm(GovukForm):
    """A board or meeting the plan reports to."""

    name = forms.CharField(label="Name", max_length=300, help_text="e.g. Children's Services Improvement Board")
    short_name = forms.CharField(label="Short name", required=False, max_length=60, help_text="e.g. CSIB")
    chair = forms.CharField(label="Chair", required=False, max_length=200)
    meeting_frequency = forms.CharField(
        label="Meets", required=False, max_length=100, help_text="e.g. Monthly, Quarterly"
    )

    def __init__(self, *args: Any, organisation_id: int, body_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation_id = organisation_id
        self.body_id = body_id

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = GovernanceBody.objects.filter(organisation_id=self.organisation_id, name=name)
        clash = clash.exclude(pk=self.body_id or 0)
        if clash.exists():
            raise forms.ValidationError(f"There is already a governance body called {name!r}")
        return name
