"""Upload a plan document, preview what was understood, confirm to create or update.

Every view checks the user's organisation and role: an import of another organisation
answers 404, and members who may not edit plans get 403.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.views.decorators.http import require_POST

from lineofsight.accounts.models import Membership, Role
from lineofsight.accounts.permissions import memberships_of, require_membership, require_role
from lineofsight.importing import MAX_UPLOAD_BYTES, ImportFailed, review, sandbox, services
from lineofsight.importing.forms import InspectionForm, OwnerMergeForm, PreviewActionForm, ReassignForm, UploadForm
from lineofsight.importing.models import ImportSession
from lineofsight.plans.people import suggest_merges

EDITORS = (Role.ADMIN, Role.PLAN_MANAGER)


def _current_membership(request: HttpRequest) -> Membership:
    membership = getattr(request, "membership", None)
    if membership is None:
        raise Http404("You are not a member of any organisation")
    return membership


def _session_for(request: HttpRequest, session_id: uuid.UUID) -> tuple[ImportSession, Membership]:
    """The pending import, if it belongs to one of the user's organisations and to them."""
    org_ids = [m.organisation_id for m in memberships_of(request.user)]
    session = (
        ImportSession.objects.select_related("target_plan", "organisation")
        .filter(pk=session_id, organisation_id__in=org_ids)
        .first()
    )
    if session is None:
        raise Http404("No such import in your organisations")
    membership = require_membership(request, session.organisation_id)
    require_role(membership, *EDITORS)
    if session.user_id != request.user.pk:
        raise Http404("No such import of yours")
    if session.target_plan is not None and session.target_plan.organisation_id != session.organisation_id:
        raise Http404("No such plan in this organisation")
    return session, membership


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """Upload form; a readable document becomes a pending import and goes to its preview."""
    membership = _current_membership(request)
    require_role(membership, *EDITORS)
    organisation = membership.organisation
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_UPLOAD_BYTES + 64 * 1024:
        # An upload far over the limit is refused whole, before any reader sees it.
        return HttpResponse("The file is larger than the upload limit.", status=413)
    initial = {"plan": request.GET.get("plan")} if request.GET.get("plan") else None
    form = UploadForm(request.POST or None, request.FILES or None, organisation=organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["document"]
        try:
            result = sandbox.read_plan(
                upload_file.read(), upload_file.name, inspection_end=form.cleaned_data["inspection_end"]
            )
        except ImportFailed as exc:
            form.add_error("document", str(exc))
        else:
            document = result.plan
            read_inspection = dict(document.get("inspection") or {})
            review.set_inspection(
                document,
                kind=form.cleaned_data["inspection_kind"],
                started=form.cleaned_data["inspection_start"],
                ended=form.cleaned_data["inspection_end"],
            )
            session = ImportSession.objects.create(
                organisation=organisation,
                user=request.user,  # type: ignore[misc]  # login_required: never anonymous
                filename=upload_file.name[:255],
                plan_document=document,
                warnings=[w.as_dict() | {"text": str(w)} for w in result.warnings],
                target_plan=form.cleaned_data["plan"],
                corrections={"read_inspection": read_inspection, "aliases": {}},
            )
            return redirect("importing:preview", session_id=session.pk)
    return render(request, "importing/upload.html", {"form": form})


def _recommendation_choices(document: dict[str, Any]) -> list[tuple[int, str]]:
    return [(k, f"{rec.get('ref') or k + 1}. {rec['text'][:80]}") for k, rec in enumerate(document["recommendations"])]


def _preview_context(session: ImportSession, **extra: Any) -> dict[str, Any]:
    document = session.plan_document
    inspection = document.get("inspection") or {}
    names = review.owner_names(document)
    return {
        "session": session,
        "document": document,
        "action_count": sum(len(r["actions"]) for r in document["recommendations"]),
        "review_warnings": review.review_warnings(document),
        "owner_groups": suggest_merges(names),
        "read_inspection": (session.corrections or {}).get("read_inspection") or {},
        "aliases": (session.corrections or {}).get("aliases") or {},
        "reassign_form": extra.pop("reassign_form", None) or ReassignForm(),
        "inspection_form": extra.pop("inspection_form", None)
        or InspectionForm(
            initial={
                "kind": inspection.get("kind") or "",
                "started": inspection.get("started"),
                "ended": inspection.get("ended"),
            }
        ),
        **extra,
    }


@login_required
def preview(request: HttpRequest, session_id: uuid.UUID) -> HttpResponse:
    """Every recommendation and action as understood, in the council's words, the
    warnings with where they sit, the corrections on offer, and for a re-import the
    changes confirming would make."""
    session, _ = _session_for(request, session_id)
    changes = None
    if session.target_plan is not None:
        changes = services.preview_reimport(session.target_plan, session.plan_document)
        session.fingerprint = changes.fingerprint()
        session.save(update_fields=["fingerprint"])
    return render(request, "importing/preview.html", _preview_context(session, changes=changes))


def _back_to_preview(session: ImportSession, anchor: str = "") -> HttpResponse:
    return redirect(reverse("importing:preview", args=[session.pk]) + (f"#{anchor}" if anchor else ""))


def _correct_document(
    request: HttpRequest,
    session_id: uuid.UUID,
    form_class: type[forms.Form],
    form_name: str,
    apply: Callable[[dict[str, Any], dict[str, Any]], tuple[str, str]],
) -> HttpResponse:
    """The shape of every preview correction posted as a form.

    An invalid form shows the preview again with its errors and saves nothing; a valid one
    is applied to the pending document by ``apply``, which says what it changed and which
    part of the preview to go back to.
    """
    session, _ = _session_for(request, session_id)
    form = form_class(request.POST)
    if not form.is_valid():
        context = _preview_context(session, **{form_name: form})
        return render(request, "importing/preview.html", context, status=400)
    message, anchor = apply(session.plan_document, form.cleaned_data)
    session.save(update_fields=["plan_document"])
    messages.success(request, message)
    return _back_to_preview(session, anchor)


@require_POST
@login_required
def preview_inspection(request: HttpRequest, session_id: uuid.UUID) -> HttpResponse:
    """Set the inspection's kind and dates; relative timescales are dated from its last day."""

    def apply(document: dict[str, Any], data: dict[str, Any]) -> tuple[str, str]:
        review.set_inspection(document, kind=data["kind"], started=data["started"], ended=data["ended"])
        dated = review.date_relative_deadlines(document, data["ended"]) if data["ended"] else 0
        return f"Inspection saved; {dated} relative deadline{pluralize(dated)} dated from its last day", "inspection"

    return _correct_document(request, session_id, InspectionForm, "inspection_form", apply)


@require_POST
@login_required
def preview_reassign(request: HttpRequest, session_id: uuid.UUID) -> HttpResponse:
    """Read one column as another on every action ("Lead" is really "Reported to")."""

    def apply(document: dict[str, Any], data: dict[str, Any]) -> tuple[str, str]:
        source, target = data["source"], data["target"]
        changed = review.reassign_field(document, source, target)
        read_as = f"{review.FIELDS[source]} now read as {review.FIELDS[target].lower()}"
        return f"{read_as} on {changed} action{pluralize(changed)}", "columns"

    return _correct_document(request, session_id, ReassignForm, "reassign_form", apply)


@require_POST
@login_required
def preview_merge(request: HttpRequest, session_id: uuid.UUID) -> HttpResponse:
    """Merge spellings of one owner; the merged spellings become aliases on confirm, so
    a later import maps them to the same person."""
    session, _ = _session_for(request, session_id)
    form = OwnerMergeForm(request.POST, names=review.owner_names(session.plan_document))
    if not form.is_valid():
        messages.error(request, "Choose the spelling to keep and the spellings to merge into it")
        return _back_to_preview(session, "owners")
    keep = form.cleaned_data["keep"]
    others = [n for n in form.cleaned_data["merge"] if n != keep]
    changed = review.merge_owner_spellings(session.plan_document, keep, others)
    corrections = dict(session.corrections or {})
    aliases = dict(corrections.get("aliases") or {})
    for name in others:
        aliases[name] = keep
    # An alias of an alias points at the spelling finally kept.
    corrections["aliases"] = {name: (keep if target in others else target) for name, target in aliases.items()}
    session.corrections = corrections
    session.save(update_fields=["plan_document", "corrections"])
    messages.success(request, f"Merged {', '.join(others)} into {keep} on {changed} action{pluralize(changed)}")
    return _back_to_preview(session, "owners")


@login_required
def preview_action(request: HttpRequest, session_id: uuid.UUID, rec: int, index: int) -> HttpResponse:
    """Correct one action before confirming: its text, owners, deadline or the
    recommendation it sits under. Works as a page without JavaScript; with htmx the
    form opens in the action's row and the saved row replaces it."""
    session, _ = _session_for(request, session_id)
    document = session.plan_document
    try:
        action = document["recommendations"][rec]["actions"][index]
    except IndexError as exc:
        raise Http404("No such action in this import") from exc
    due = action.get("due") or {}
    form = PreviewActionForm(
        request.POST or None,
        recommendations=_recommendation_choices(document),
        initial={
            "text": action["text"],
            "owners": "\n".join(action.get("owners") or []),
            "due_text": due.get("text") or "",
            "due_date": due.get("date"),
            "recommendation": rec,
        },
    )
    htmx = bool(getattr(request, "htmx", False))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        new_rec, new_index = review.edit_action(
            document,
            rec,
            index,
            text=data["text"].strip(),
            owners=form.owner_list(),
            due_text=data["due_text"].strip(),
            due_date=data["due_date"],
            move_to=data["recommendation"],
        )
        session.save(update_fields=["plan_document"])
        if htmx and new_rec == rec:
            context = {
                "session": session,
                "a": document["recommendations"][rec]["actions"][index],
                "r": rec,
                "i": index,
            }
            return render(request, "importing/_preview_row.html", context)
        if htmx:
            # Moved to another recommendation: the whole page changes, so load it again.
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        messages.success(request, "Action corrected")
        return _back_to_preview(session, f"action-{new_rec}-{new_index}")
    context = {
        "session": session,
        "form": form,
        "action": action,
        "r": rec,
        "i": index,
        "where": review.where(document, rec, index),
    }
    template = "importing/_preview_action_form.html" if htmx else "importing/preview_action.html"
    return render(request, template, context, status=400 if form.is_bound else 200)


@require_POST
@login_required
def confirm(request: HttpRequest, session_id: uuid.UUID) -> HttpResponse:
    """Create the plan, or apply the previewed changes, in one transaction."""
    session, _ = _session_for(request, session_id)
    if session.confirmed_plan_id:
        return redirect("plans:plan_detail", plan_id=session.confirmed_plan_id)
    if session.expired:
        messages.error(request, "That preview has expired; upload the document again.")
        return redirect("importing:upload")
    if session.target_plan is not None:
        try:
            services.apply_reimport(
                session.target_plan,
                session.plan_document,
                expected=session.fingerprint or None,
                user=request.user,  # type: ignore[arg-type]
                source=session.filename,
            )
        except services.StaleChanges as exc:
            messages.error(request, str(exc))
            return redirect("importing:preview", session_id=session.pk)
        plan = session.target_plan
        messages.success(request, f"{plan.title} was updated from {session.filename}.")
    else:
        plan = services.create_plan(
            session.plan_document,
            session.organisation,
            source=session.filename,
            aliases=(session.corrections or {}).get("aliases") or {},
        )
        messages.success(request, f"{plan.title} was created from {session.filename}.")
    session.confirmed_plan = plan
    session.save(update_fields=["confirmed_plan"])
    return redirect("plans:plan_detail", plan_id=plan.pk)
