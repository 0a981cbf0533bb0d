"""Board pack pages: bodies, their issued packs, previews, downloads and issuing.

Every view looks the body or pack up through ``get_for_user`` (404 for another
organisation's) and checks the role: anyone in the organisation reads and downloads
issued packs; only plan managers and admins build draft packs and issue them.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Max, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_POST

from lineofsight.accounts.models import Membership, Role
from lineofsight.accounts.permissions import get_for_user, require_role
from lineofsight.background import jobs
from lineofsight.background.models import Job
from lineofsight.plans.models import GovernanceBody, Plan
from lineofsight.reports.builder import build_pack
from lineofsight.reports.exporters import FORMATS, pack_filename
from lineofsight.reports.exporters.html import pack_context
from lineofsight.reports.forms import MeetingForm
from lineofsight.reports.models import BoardPack, BoardPackFile
from lineofsight.reports.plan_table import export_plan_docx, export_plan_xlsx
from lineofsight.reports.services import issue_job_key

MANAGERS = (Role.ADMIN, Role.PLAN_MANAGER)
# The downloaded HTML pack carries no script and fetches nothing: say so to the browser.
HTML_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def _file_response(data: bytes, media_type: str, filename: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(data, content_type=media_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    if media_type.startswith("text/html"):
        response["Content-Security-Policy"] = HTML_POLICY
    return response


def _body(request: HttpRequest, body_id: int) -> tuple[GovernanceBody, Membership]:
    return get_for_user(request, GovernanceBody.objects.select_related("organisation"), "organisation_id", pk=body_id)


@login_required
def body_list(request: HttpRequest) -> HttpResponse:
    """The current organisation's governance bodies, with their packs."""
    organisation = getattr(request, "organisation", None)
    if organisation is None:
        raise Http404("You are not a member of any organisation")
    bodies = (
        GovernanceBody.objects.filter(organisation=organisation)
        .annotate(
            pack_count=Count("board_packs", distinct=True),
            last_meeting=Max("board_packs__meeting_date"),
            action_count=Count("report_links", distinct=True),
        )
        .order_by("name")
    )
    return render(request, "reports/body_list.html", {"bodies": bodies})


@login_required
def body_detail(request: HttpRequest, body_id: int) -> HttpResponse:
    """A body's issued packs, and (for plan managers) the form to build the next one."""
    body, membership = _body(request, body_id)
    packs = (
        BoardPack.objects.filter(body=body)
        .select_related("issued_by")
        .prefetch_related(Prefetch("files", queryset=BoardPackFile.objects.only("id", "pack_id", "format", "size")))
        .order_by("-meeting_date")
    )
    return render(
        request,
        "reports/body_detail.html",
        {
            "body": body,
            "packs": packs,
            "formats": FORMATS,
            "can_build": membership.role in MANAGERS,
            "form": MeetingForm(initial={"date": timezone.localdate()}),
        },
    )


def _draft(request: HttpRequest, body_id: int) -> tuple[GovernanceBody, MeetingForm]:
    body, membership = _body(request, body_id)
    require_role(membership, *MANAGERS)
    return body, MeetingForm(request.GET if request.method == "GET" else request.POST)


@login_required
def pack_preview(request: HttpRequest, body_id: int) -> HttpResponse:
    """The pack for a meeting date as it would be issued now (plan managers only)."""
    body, form = _draft(request, body_id)
    if not form.is_valid():
        packs = BoardPack.objects.filter(body=body).prefetch_related("files").order_by("-meeting_date")
        return render(
            request,
            "reports/body_detail.html",
            {"body": body, "packs": packs, "formats": FORMATS, "can_build": True, "form": form},
            status=400,
        )
    meeting_date = form.cleaned_data["date"]
    pack = build_pack(body, meeting_date, since=form.cleaned_data.get("since"))
    already = BoardPack.objects.filter(body=body, meeting_date=meeting_date).first()
    context = pack_context(pack) | {
        "body": body,
        "form": form,
        "formats": FORMATS,
        "already_issued": already,
        "query": request.GET.urlencode(),
    }
    return render(request, "reports/pack_preview.html", context)


@login_required
def pack_preview_download(request: HttpRequest, body_id: int, fmt: str) -> HttpResponse:
    """A draft pack in one format, built now (plan managers only)."""
    if fmt not in FORMATS:
        raise Http404("No such format")
    body, form = _draft(request, body_id)
    if not form.is_valid():
        return HttpResponse("Enter the meeting date as YYYY-MM-DD", status=400, content_type="text/plain")
    pack = build_pack(body, form.cleaned_data["date"], since=form.cleaned_data.get("since"))
    # Not issued: every format says DRAFT, so it cannot pass for the pack the board gets.
    pack.draft = True
    chosen = FORMATS[fmt]
    return _file_response(chosen.export(pack), chosen.media_type, pack_filename(pack, fmt))


@login_required
@require_POST
def pack_issue(request: HttpRequest, body_id: int) -> HttpResponse:
    """Ask for the pack for a meeting date to be issued (plan managers only).

    Answers at once: the worker lays the four files out, and the page this redirects
    to shows its progress and then the files.
    """
    body, form = _draft(request, body_id)
    if not form.is_valid():
        messages.error(request, "; ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("reports:body_detail", body_id=body.pk)
    meeting_date = form.cleaned_data["date"]
    already = BoardPack.objects.filter(body=body, meeting_date=meeting_date).first()
    if already is not None:
        messages.error(request, f"{already} has already been issued.")
        return redirect("reports:pack_detail", pack_id=already.pk)
    job, _created = jobs.submit(
        "issue_pack",
        key=issue_job_key(body, meeting_date),
        organisation=body.organisation,
        user=request.user,
        params={"body_id": body.pk, "meeting_date": meeting_date.isoformat(), "user_id": request.user.pk},
    )
    return redirect("reports:issue_status", job_id=job.pk)


def _issue_job(request: HttpRequest, job_id: int) -> tuple[Job, GovernanceBody]:
    job, membership = get_for_user(request, Job.objects.filter(kind="issue_pack"), "organisation_id", pk=job_id)
    require_role(membership, *MANAGERS)
    body = GovernanceBody.objects.get(pk=job.params["body_id"], organisation=membership.organisation)
    return job, body


@login_required
def issue_status(request: HttpRequest, job_id: int) -> HttpResponse:
    """How issuing a pack is going: waiting, running (with its step), failed, or its files."""
    job, body = _issue_job(request, job_id)
    pack = None
    if job.status == Job.Status.DONE:
        pack = BoardPack.objects.prefetch_related("files").filter(pk=job.result.get("pack_id")).first()
    context = {
        "job": job,
        "body": body,
        "pack": pack,
        "meeting_date": date.fromisoformat(job.params["meeting_date"]),
        "formats": FORMATS,
        "can_retry": jobs.can_retry(job),
        "abandoned": job.status == Job.Status.RUNNING and jobs.is_abandoned(job),
    }
    return render(request, "reports/issue_status.html", context)


@login_required
@require_POST
def issue_retry(request: HttpRequest, job_id: int) -> HttpResponse:
    """Try a failed issue again (plan managers only)."""
    job, _body = _issue_job(request, job_id)
    try:
        jobs.retry(job)
    except jobs.JobError as exc:
        messages.error(request, str(exc))
    return redirect("reports:issue_status", job_id=job.pk)


def _issued(request: HttpRequest, pack_id: int) -> BoardPack:
    pack, _membership = get_for_user(
        request,
        BoardPack.objects.select_related("body", "issued_by").prefetch_related("files"),
        "organisation_id",
        pk=pack_id,
    )
    return pack


@login_required
def pack_detail(request: HttpRequest, pack_id: int) -> HttpResponse:
    """An issued pack: when, by whom, its headline figures and its files."""
    pack = _issued(request, pack_id)
    return render(request, "reports/pack_detail.html", {"pack": pack, "content": pack.content, "formats": FORMATS})


@login_required
@require_http_methods(["GET", "HEAD"])
def pack_download(request: HttpRequest, pack_id: int, fmt: str) -> HttpResponse:
    """An issued pack's file exactly as issued (anyone in the organisation)."""
    pack = _issued(request, pack_id)
    stored = pack.file_for(fmt)
    if stored is None or fmt not in FORMATS:
        raise Http404("This pack has no file in that format")
    with stored.file.open("rb") as handle:
        data = handle.read()
    # Named from the pack, not the storage key (storage may add a suffix to keep keys unique).
    body = slugify(pack.body.short_name or pack.body.name) or "board"
    name = f"{body}-board-pack-{pack.meeting_date:%Y-%m-%d}.{FORMATS[fmt].extension}"
    return _file_response(data, FORMATS[fmt].media_type, name, inline=fmt in ("html", "pdf"))


@login_required
def plan_table_download(request: HttpRequest, plan_id: int, fmt: str) -> HttpResponse:
    """The whole plan as the landscape table sent to Ofsted (anyone in the organisation)."""
    exporters = {"docx": export_plan_docx, "xlsx": export_plan_xlsx}
    if fmt not in exporters:
        raise Http404("No such format")
    plan, _membership = get_for_user(
        request, Plan.objects.select_related("organisation"), "organisation_id", pk=plan_id
    )
    data = exporters[fmt](plan)
    return _file_response(data, FORMATS[fmt].media_type, f"action-plan-{plan.pk}.{fmt}")
