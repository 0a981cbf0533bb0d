"""Forms for the plan pages."""

from __future__ import annotations

from django import forms

from lineofsight.plans.models import GovernanceBody, Person, Rag, Status


class ActionFilterForm(forms.Form):
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
        for field in self.fields.values():
            field.widget.attrs["class"] = "govuk-select"
