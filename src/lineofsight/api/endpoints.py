"""The JSON API, version 1, on django-ninja: every endpoint is a thin function that finds
objects through ``accounts.permissions`` (404 for another organisation's), checks the
token's scope and the user's role (403), and calls the same services as the web pages.

Mounted at /api/: the endpoints under /api/v1/, the OpenAPI document at
/api/openapi.json and the browsable docs (Swagger UI, served from our own static files)
at /api/docs.
"""

from datetime import datetime
from typing import Annotated, Any, Literal, cast

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify
from ninja import Field, File, NinjaAPI, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.params.functions import Path as path_param

from lineofsight.accounts.models import Membership, Role
from lineofsight.accounts.permissions import get_for_user, require_role
from lineofsight.api import feed
from lineofsight.api.auth import QueryTokenAuth, TokenAuth, TokenRateThrottle
from lineofsight.api.schemas import (
    MAX_ID,
    ActionOut,
    ActionPatch,
    BoardPackOut,
    ConflictOut,
    FieldErrors,
    GovernanceBodyOut,
    IndicatorOut,
    InvalidRequest,
    Message,
    PlanOut,
    RecommendationOut,
    RowErrors,
    RowId,
    TargetOut,
    UpdateIn,
    UpdateOut,
    UploadOut,
    ValueOut,
)
from lineofsight.indicators.forms import MAX_CSV_BYTES
from lineofsight.indicators.models import Indicator, IndicatorValue, Target
from lineofsight.indicators.services import ValuesImportError, import_values_csv
from lineofsight.plans.changes import EditConflict
from lineofsight.plans.interchange import plan_queryset
from lineofsight.plans.models import Action, ActionOwner, ActionReport, GovernanceBody, Plan, Recommendation
from lineofsight.reports.exporters import FORMATS
from lineofsight.reports.models import BoardPack
from lineofsight.tracking import services
from lineofsight.tracking.forms import ActionEditForm, ProgressUpdateForm

ACTION_ORG = "recommendation__plan__organisation_id"
# Ids are 64-bit in the database; a larger number could not name anything, and SQLite
# raises on it instead of finding nothing.
ObjectId = Annotated[int, path_param(ge=1, le=MAX_ID)]
QueryId = RowId
EDITORS = (Role.ADMIN, Role.PLAN_MANAGER)

DESCRIPTION = """Line of Sight's JSON API for a council's other systems: Power BI and Excel
reports, case-management and performance systems.

Send `Authorization: Bearer TOKEN` with a token made by `lineofsight token create`. A
token acts as its user, with that user's role, in one organisation: anything of another
organisation's answers 404. Read tokens cannot write (403). Lists are paginated with
`limit` (at most 500) and `offset`, and give `count`. See docs/api.md for worked examples."""


class LineOfSightAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Any) -> str:
        # The function's own name ("list_actions"), so generated clients read naturally.
        return str(operation.view_func.__name__)


api = LineOfSightAPI(
    title="Line of Sight API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=TokenAuth(),
    throttle=[TokenRateThrottle()],
    openapi_url="/openapi.json",
    docs_url="/docs",
)
v1 = Router()

READ_ERRORS: dict[int, Any] = {401: Message, 404: Message, 422: InvalidRequest, 429: Message}
WRITE_ERRORS: dict[int, Any] = {**READ_ERRORS, 403: Message}


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "Forbidden"}, status=403)


class Page(LimitOffsetPagination):
    """``limit`` (1–500, default 100) and ``offset``; the response gives ``count``."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=500)
        offset: int = Field(0, ge=0, le=1_000_000_000)  # SQLite and PostgreSQL refuse offsets past 64 bits


def _membership(request: HttpRequest) -> Membership:
    return cast(Membership, request.membership)  # type: ignore[attr-defined]


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _require_write(request: HttpRequest) -> None:
    """A read token may not change anything, whatever its user's role."""
    if not request.api_token.can_write:  # type: ignore[attr-defined]
        raise PermissionDenied("This token may only read; make a token with --scope write to change data")


def _action_queryset() -> QuerySet[Action]:
    return Action.objects.select_related("recommendation__plan").prefetch_related(
        Prefetch("owner_links", queryset=ActionOwner.objects.select_related("person")),
        Prefetch("report_links", queryset=ActionReport.objects.select_related("body")),
    )


def _action(request: HttpRequest, action_id: int) -> Action:
    action, _ = get_for_user(request, _action_queryset(), ACTION_ORG, pk=action_id)
    return action


# --- Plans, recommendations, actions -------------------------------------------------


@v1.get("/plans", response={200: list[PlanOut], **READ_ERRORS}, tags=["plans"])
@paginate(Page)
def list_plans(request: HttpRequest) -> Any:
    """The organisation's plans, newest first."""
    return Plan.objects.filter(organisation_id=_membership(request).organisation_id).select_related("inspection")


@v1.get("/plans/{plan_id}", response={200: PlanOut, **READ_ERRORS}, tags=["plans"])
def get_plan(request: HttpRequest, plan_id: ObjectId) -> Any:
    """One plan."""
    plan, _ = get_for_user(request, Plan.objects.select_related("inspection"), "organisation_id", pk=plan_id)
    return plan


@v1.get("/plans/{plan_id}/recommendations", response={200: list[RecommendationOut], **READ_ERRORS}, tags=["plans"])
@paginate(Page)
def list_recommendations(request: HttpRequest, plan_id: ObjectId) -> Any:
    """A plan's recommendations, in plan order."""
    plan, _ = get_for_user(request, Plan.objects.all(), "organisation_id", pk=plan_id)
    return Recommendation.objects.filter(plan=plan).order_by("order", "pk")


@v1.get("/recommendations/{recommendation_id}", response={200: RecommendationOut, **READ_ERRORS}, tags=["plans"])
def get_recommendation(request: HttpRequest, recommendation_id: ObjectId) -> Any:
    """One recommendation."""
    recommendation, _ = get_for_user(
        request, Recommendation.objects.all(), "plan__organisation_id", pk=recommendation_id
    )
    return recommendation


class ActionFilters(Schema):
    """The plan page's filters, plus ``changed_since`` for systems that sync."""

    owner: QueryId | None = Field(None, description="A person's id (from an action's owners)")
    rag: Literal["red", "amber", "green", "blue", "none"] | None = Field(None, description="Effective RAG")
    status: Literal["not_started", "in_progress", "complete", "none"] | None = None
    body: QueryId | None = Field(None, description="A governance body's id: actions reported to it")
    due: str | None = Field(
        None,
        pattern=r"^(overdue|none|[0-9]{1,4})$",
        description="overdue, none (no deadline), or a number of days: due within that many days",
    )
    changed_since: datetime | None = Field(None, description="Edited, or given a progress update, since then")

    def to_feed_filter(self) -> feed.FeedFilter:
        base = feed.filter_from_params(self.dict(exclude={"changed_since"}))
        return feed.FeedFilter(base.actions, feed.aware(self.changed_since))


def _filtered(request: HttpRequest, plan_id: int, filters: ActionFilters) -> tuple[Plan, list[Action]]:
    plan, _ = get_for_user(request, plan_queryset(with_updates=False), "organisation_id", pk=plan_id)
    return plan, feed.filtered_actions(plan, filters.to_feed_filter(), services.london_today())


@v1.get("/plans/{plan_id}/actions", response={200: list[ActionOut], **READ_ERRORS}, tags=["actions"])
@paginate(Page)
def list_actions(request: HttpRequest, plan_id: ObjectId, filters: Query[ActionFilters]) -> Any:
    """A plan's actions, filtered as on the plan page, in plan order."""
    return _filtered(request, plan_id, filters)[1]


@v1.get(
    "/plans/{plan_id}/actions.{fmt}",
    response={200: None, **READ_ERRORS},
    auth=[TokenAuth(), QueryTokenAuth()],
    tags=["actions"],
    openapi_extra={
        "responses": {
            200: {
                "description": "The filtered actions as a spreadsheet",
                "content": {
                    mt: {"schema": {"type": "string", "format": "binary"}} for mt, _ in feed.FEED_FORMATS.values()
                },
            }
        }
    },
)
def action_feed(
    request: HttpRequest, plan_id: ObjectId, fmt: Literal["csv", "xlsx"], filters: Query[ActionFilters]
) -> HttpResponse:
    """The spreadsheet feed: the filtered action list as CSV or XLSX.

    For Power BI or Excel "from web", the token may be given as ``?token=`` (use a read
    token); text that a spreadsheet would run as a formula is quoted."""
    plan, actions = _filtered(request, plan_id, filters)
    today = services.london_today()
    media_type, writer = feed.FEED_FORMATS[fmt]
    response = HttpResponse(writer(feed.feed_rows(actions, today)), content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.pk}-actions.{fmt}"'
    return response


@v1.get("/actions/{action_id}", response={200: ActionOut, **READ_ERRORS}, tags=["actions"])
def get_action(request: HttpRequest, action_id: ObjectId) -> Any:
    """One action."""
    return _action(request, action_id)


@v1.patch(
    "/actions/{action_id}",
    response={200: ActionOut, 400: FieldErrors, 409: ConflictOut, **WRITE_ERRORS},
    tags=["actions"],
)
def edit_action(request: HttpRequest, action_id: ObjectId, payload: ActionPatch) -> Any:
    """Edit an action (plan managers and admins, write tokens).

    Send the ``version`` you read. If someone saved since, nothing is written and the
    answer is 409 with the action as it is now and what changed."""
    action = _action(request, action_id)
    _require_write(request)
    require_role(_membership(request), *EDITORS)
    # The web form checks the edit, so the API and the page accept exactly the same edits.
    data: dict[str, Any] = ActionEditForm.initial_for(action)
    changes = payload.dict(exclude_unset=True)
    if changes.get("owners") is None:
        # "owners": null keeps the owners; an empty list is how to remove them all.
        changes.pop("owners", None)
    data.update(changes)
    data = {key: ("" if value is None else value) for key, value in data.items()}
    form = ActionEditForm(data, organisation_id=action.recommendation.plan.organisation_id)
    if not form.is_valid():
        return Status(400, {"detail": "The edit was refused", "errors": _form_errors(form)})
    try:
        form.save(action, _user(request))
    except EditConflict as conflict:
        current = _action(request, action_id)
        return Status(
            409,
            {
                "detail": "Someone saved this action after the version you sent; nothing was written",
                "current": current,
                "changes": [
                    {"field": c.field, "label": c.label, "old": c.old, "new": c.new, "who": c.who}
                    for c in conflict.changes
                ],
            },
        )
    except ValueError as exc:
        return Status(400, {"detail": str(exc), "errors": {"__all__": [str(exc)]}})
    return _action(request, action_id)


def _form_errors(form: Any) -> dict[str, list[str]]:
    return {field: [str(message) for message in messages] for field, messages in form.errors.items()}


@v1.get("/actions/{action_id}/updates", response={200: list[UpdateOut], **READ_ERRORS}, tags=["progress updates"])
@paginate(Page)
def list_updates(request: HttpRequest, action_id: ObjectId) -> Any:
    """An action's progress updates, newest first."""
    action = _action(request, action_id)
    return action.updates.select_related("author", "reviewed_by").order_by("-created", "-pk")


@v1.post(
    "/actions/{action_id}/updates",
    response={201: UpdateOut, 400: FieldErrors, **WRITE_ERRORS},
    tags=["progress updates"],
)
def post_update(request: HttpRequest, action_id: ObjectId, payload: UpdateIn) -> Any:
    """Post a progress update (the action's owners, plan managers and admins; write tokens).

    It awaits the plan manager's sign-off, exactly as an update posted on the web."""
    action = _action(request, action_id)
    _require_write(request)
    if not services.can_post_update(_membership(request), _user(request), action):
        raise PermissionDenied("Only the action's owners and plan managers may post updates")
    form = ProgressUpdateForm(payload.dict())
    if not form.is_valid():
        return Status(400, {"detail": "The update was refused", "errors": _form_errors(form)})
    data = form.cleaned_data
    update = services.post_update(
        action, _user(request), services.UpdateInput(data["text"], data["status"], data["rag"], data["impact"])
    )
    return Status(201, update)


# --- Governance bodies and board packs -----------------------------------------------


@v1.get("/governance-bodies", response={200: list[GovernanceBodyOut], **READ_ERRORS}, tags=["board packs"])
@paginate(Page)
def list_bodies(request: HttpRequest) -> Any:
    """The organisation's governance bodies."""
    return GovernanceBody.objects.filter(organisation_id=_membership(request).organisation_id).order_by("name", "pk")


@v1.get("/governance-bodies/{body_id}", response={200: GovernanceBodyOut, **READ_ERRORS}, tags=["board packs"])
def get_body(request: HttpRequest, body_id: ObjectId) -> Any:
    """One governance body."""
    body, _ = get_for_user(request, GovernanceBody.objects.all(), "organisation_id", pk=body_id)
    return body


def _packs() -> QuerySet[BoardPack]:
    return BoardPack.objects.select_related("body", "issued_by").prefetch_related("files")


@v1.get("/board-packs", response={200: list[BoardPackOut], **READ_ERRORS}, tags=["board packs"])
@paginate(Page)
def list_packs(request: HttpRequest, body: RowId | None = None) -> Any:
    """Issued board packs, newest meeting first; ``body`` keeps one body's."""
    packs = _packs().filter(organisation_id=_membership(request).organisation_id)
    if body is not None:
        packs = packs.filter(body_id=body)
    return packs.order_by("-meeting_date", "-pk")


@v1.get("/board-packs/{pack_id}", response={200: BoardPackOut, **READ_ERRORS}, tags=["board packs"])
def get_pack(request: HttpRequest, pack_id: ObjectId) -> Any:
    """One issued board pack."""
    pack, _ = get_for_user(request, _packs(), "organisation_id", pk=pack_id)
    return pack


@v1.get(
    "/board-packs/{pack_id}/files/{fmt}",
    response={200: None, **READ_ERRORS},
    tags=["board packs"],
    openapi_extra={
        "responses": {
            200: {
                "description": "The pack's file exactly as issued",
                "content": {f.media_type: {"schema": {"type": "string", "format": "binary"}} for f in FORMATS.values()},
            }
        }
    },
)
def download_pack(request: HttpRequest, pack_id: ObjectId, fmt: Literal["html", "pdf", "docx", "xlsx"]) -> Any:
    """An issued pack's file (HTML, PDF, Word or Excel) exactly as the body received it."""
    pack, _ = get_for_user(request, _packs(), "organisation_id", pk=pack_id)
    stored = pack.file_for(fmt)
    if stored is None:
        return Status(404, {"detail": "This pack has no file in that format"})
    with stored.file.open("rb") as handle:
        data = handle.read()
    response = HttpResponse(data, content_type=FORMATS[fmt].media_type)
    name = slugify(pack.body.short_name or pack.body.name) or "board"
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-board-pack-{pack.meeting_date:%Y-%m-%d}.{FORMATS[fmt].extension}"'
    )
    return response


# --- Indicators, targets and values --------------------------------------------------


def _indicator(request: HttpRequest, indicator_id: int) -> Indicator:
    indicator, _ = get_for_user(request, Indicator.objects.all(), "organisation_id", pk=indicator_id)
    return indicator


@v1.get("/indicators", response={200: list[IndicatorOut], **READ_ERRORS}, tags=["scorecard"])
@paginate(Page)
def list_indicators(request: HttpRequest) -> Any:
    """The organisation's scorecard indicators, in scorecard order."""
    return Indicator.objects.filter(organisation_id=_membership(request).organisation_id).order_by("order", "code")


@v1.get("/indicators/{indicator_id}", response={200: IndicatorOut, **READ_ERRORS}, tags=["scorecard"])
def get_indicator(request: HttpRequest, indicator_id: ObjectId) -> Any:
    """One indicator."""
    return _indicator(request, indicator_id)


@v1.get("/indicators/{indicator_id}/targets", response={200: list[TargetOut], **READ_ERRORS}, tags=["scorecard"])
@paginate(Page)
def list_targets(request: HttpRequest, indicator_id: ObjectId) -> Any:
    """An indicator's targets, earliest first."""
    return Target.objects.filter(indicator=_indicator(request, indicator_id)).order_by("by_date", "pk")


@v1.get("/indicators/{indicator_id}/values", response={200: list[ValueOut], **READ_ERRORS}, tags=["scorecard"])
@paginate(Page)
def list_values(request: HttpRequest, indicator_id: ObjectId) -> Any:
    """An indicator's values, one per period, oldest first."""
    return IndicatorValue.objects.filter(indicator=_indicator(request, indicator_id)).order_by("period_end", "pk")


@v1.post(
    "/indicator-values",
    response={200: UploadOut, 400: RowErrors, 413: Message, **WRITE_ERRORS},
    tags=["scorecard"],
)
def upload_values(request: HttpRequest, file: File[UploadedFile]) -> Any:
    """Upload a CSV of values (columns code, period, value, numerator, denominator; see
    docs/scorecard.md): every row is checked and nothing is stored unless all pass."""
    _require_write(request)
    membership = _membership(request)
    require_role(membership, *EDITORS)
    if (file.size or 0) > MAX_CSV_BYTES:
        return Status(413, {"detail": f"{file.name}: larger than {MAX_CSV_BYTES // 1024 // 1024} MB"})
    try:
        counts = import_values_csv(
            membership.organisation,
            file.read(),
            source=file.name or "upload",
            entered_by=request.user,
            via="API upload",
        )
    except ValuesImportError as exc:
        return Status(400, {"detail": f"{file.name}: nothing was stored", "errors": exc.errors})
    return {"created": counts.created, "updated": counts.updated, "unchanged": counts.unchanged}


api.add_router("/v1/", v1)
