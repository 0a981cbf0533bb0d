"""Upload a plan document, preview what was understood, confirm to create or update.

Every view checks the user's organisation and role: an import of another organisation
answers 404, and members who may not edit plans get 403.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from lineofsight.accounts.models import Membership, Role
from lineofsight.accounts.permissions import memberships_of, require_membership, require_role
from lineofsight.importing import MAX_UPLOAD_BYTES, ImportFailed, sandbox, services
from lineofsight.importing.forms import UploadForm
from lineofsight.importing.models import ImportSession

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
            session = ImportSession.objects.create(
                organisation=organisation,
                user=request.user,  # type: ignore[misc]  # login_required: never anonymous
                filename=upload_file.name[:255],
                plan_document=result.plan,
                warnings=[w.as_dict() | {"text": str(w)} for w in result.warnings],
                target_plan=form.cleaned_data["plan"],
            )
            return redirect("importing:preview", session_id=session.pk)
    return render(request, "importing/upload.html", {"form": form})


@login_required
def preview(request: HttpRequest, session_id: uuid.UUID) -> HttpResponse:
    """Every recommendation and action as understood, the warnings, and for a re-import
    the changes confirming would make."""
    session, _ = _session_for(request, session_id)
    changes = None
    if session.target_plan is not None:
        changes = services.preview_reimport(session.target_plan, session.plan_document)
        session.fingerprint = changes.fingerprint()
        session.save(update_fields=["fingerprint"])
    document = session.plan_document
    context = {
        "session": session,
        "document": document,
        "action_count": sum(len(r["actions"]) for r in document["recommendations"]),
        "changes": changes,
    }
    return render(request, "importing/preview.html", context)


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
            services.apply_reimport(session.target_plan, session.plan_document, expected=session.fingerprint or None)
        except services.StaleChanges as exc:
            messages.error(request, str(exc))
            return redirect("importing:preview", session_id=session.pk)
        plan = session.target_plan
        messages.success(request, f"{plan.title} was updated from {session.filename}.")
    else:
        plan = services.create_plan(session.plan_document, session.organisation, source=session.filename)
        messages.success(request, f"{plan.title} was created from {session.filename}.")
    session.confirmed_plan = plan
    session.save(update_fields=["confirmed_plan"])
    return redirect("plans:plan_detail", plan_id=plan.pk)
