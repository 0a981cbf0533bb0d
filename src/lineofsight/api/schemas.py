"""What the API reads and writes, as Pydantic schemas (django-ninja turns these into the
OpenAPI document). Field names follow the models, in the council's words."""

from datetime import date, datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema

# The largest id a database row can have (a 64-bit integer): anything larger is refused as
# invalid input rather than overflowing the database driver.
MAX_ID = 2**63 - 1
RowId = Annotated[int, Field(ge=1, le=MAX_ID)]

RagValue = Literal["red", "amber", "green", "blue", ""]
StatusValue = Literal["not_started", "in_progress", "complete", ""]


class Message(Schema):
    """An error: what went wrong, in a sentence."""

    detail: str


class InvalidRequest(Schema):
    """A request the API could not read (a wrong type, a value out of range): each problem
    with where it is (``loc``) and what is wrong (``msg``)."""

    detail: list[dict[str, Any]]


class FieldErrors(Schema):
    """A refused write: every problem, by field (as the web form words them)."""

    detail: str
    # Absent when the body could not be read at all (not JSON): then only ``detail``.
    errors: dict[str, list[str]] = Field(default_factory=dict)


class RowErrors(Schema):
    """A refused upload: every problem, by row and column, as the CSV upload page lists them."""

    detail: str
    errors: list[str] = Field(default_factory=list)


class InspectionOut(Schema):
    kind: str
    started: date | None
    ended: date | None
    published: date | None


class PlanOut(Schema):
    """An improvement plan."""

    id: int
    title: str
    status: str
    inspection: InspectionOut | None
    created: datetime
    updated: datetime

    @staticmethod
    def resolve_inspection(plan: Any) -> dict[str, Any] | None:
        inspection = plan.inspection
        if inspection is None:
            return None
        return {
            "kind": inspection.kind_label,
            "started": inspection.started,
            "ended": inspection.ended,
            "published": inspection.published,
        }


class RecommendationOut(Schema):
    """An Ofsted recommendation and the outcomes the council promises."""

    id: int
    plan_id: int
    ref: str
    text: str
    report_page: str
    priority_band: str
    theme: str
    section: str
    order: int
    outcomes: list[str]
    see_also: list[str]


class NamedRef(Schema):
    id: int
    name: str


class ActionOut(Schema):
    """An action, with its owners, deadline, status and every RAG the app keeps."""

    id: int
    plan_id: int
    recommendation_id: int
    ref: str
    text: str
    owners: list[NamedRef]
    lead_agency: str
    partners: list[str]
    due_text: str
    due_date: date | None
    start_date: date | None
    status: str = Field(description="not_started, in_progress, complete, or blank when not stated")
    rag: str = Field(description="The RAG the owner proposed or the plan document reported")
    rag_computed: str = Field(description="The RAG from the council's rules")
    rag_reason: str
    rag_override: str
    rag_override_reason: str
    effective_rag: str = Field(description="What the plan page shows: override, else rules, else reported")
    is_stale: bool = Field(description="Drifting: no update for the council's stale period")
    measures: list[str]
    reported_to: list[NamedRef]
    version: int = Field(description="Send this back when editing; a stale version gets 409")
    created: datetime
    updated: datetime

    @staticmethod
    def resolve_plan_id(action: Any) -> int:
        return int(action.recommendation.plan_id)

    @staticmethod
    def resolve_owners(action: Any) -> list[dict[str, Any]]:
        links = sorted(action.owner_links.all(), key=lambda link: link.position)
        return [{"id": link.person_id, "name": link.person.name} for link in links]

    @staticmethod
    def resolve_reported_to(action: Any) -> list[dict[str, Any]]:
        links = sorted(action.report_links.all(), key=lambda link: link.position)
        return [{"id": link.body_id, "name": link.body.name} for link in links]


class UpdateOut(Schema):
    """A progress update and where it stands in sign-off."""

    id: int
    action_id: int
    as_of: date | None
    text: str
    status: str
    rag: str
    impact: str
    author: str | None
    review: str = Field(description="imported, submitted (awaiting sign-off), accepted (signed off) or returned")
    reviewed_by: str | None
    reviewed_at: datetime | None
    review_comment: str
    created: datetime

    @staticmethod
    def resolve_author(update: Any) -> str | None:
        return update.author.get_username() if update.author_id else None

    @staticmethod
    def resolve_reviewed_by(update: Any) -> str | None:
        return update.reviewed_by.get_username() if update.reviewed_by_id else None


class UpdateIn(Schema):
    """A progress update, checked by the same rules as the web form."""

    text: str = Field(description="What has happened since the last update")
    status: StatusValue = ""
    rag: Literal["red", "amber", "green", ""] = Field("", description="The owner's proposed RAG")
    impact: str = ""


class ActionPatch(Schema):
    """An edit of an action. ``version`` is the version you read; leave out what you keep."""

    version: int = Field(ge=1)
    text: str | None = None
    due_text: str | None = None
    due_date: date | None = None
    due_date_reason: str | None = Field(None, description="Why the deadline moved: needed to move one already set")
    status: StatusValue | None = None
    rag_override: RagValue | None = None
    rag_override_reason: str | None = None
    owners: list[RowId] | None = Field(None, description="Person ids, as listed in an action's owners")


class FieldChangeOut(Schema):
    field: str
    label: str
    old: str
    new: str
    who: str


class ConflictOut(Schema):
    """Someone saved the action after the version you sent; nothing was written."""

    detail: str
    current: ActionOut
    changes: list[FieldChangeOut]


class GovernanceBodyOut(Schema):
    """A board or meeting the plan reports to."""

    id: int
    name: str
    short_name: str
    chair: str
    meeting_frequency: str


class BoardPackOut(Schema):
    """An issued board pack, with the formats that can be downloaded."""

    id: int
    body_id: int
    body_name: str
    meeting_date: date
    issued_at: datetime
    issued_by: str | None
    formats: list[str]

    @staticmethod
    def resolve_body_name(pack: Any) -> str:
        return str(pack.body.name)

    @staticmethod
    def resolve_issued_by(pack: Any) -> str | None:
        return pack.issued_by.get_username() if pack.issued_by_id else None

    @staticmethod
    def resolve_formats(pack: Any) -> list[str]:
        return sorted(f.format for f in pack.files.all())


class IndicatorOut(Schema):
    """A line of the scorecard."""

    id: int
    code: str
    aliases: list[str]
    title: str
    definition: str
    unit: str
    polarity: str
    data_source: str
    kind: str


class TargetOut(Schema):
    id: int
    indicator_id: int
    value: float
    by_date: date | None
    tolerance: float
    note: str


class ValueOut(Schema):
    id: int
    indicator_id: int
    period_kind: str
    period_label: str
    period_start: date
    period_end: date
    value: float
    numerator: float | None
    denominator: float | None
    provenance: str
    created: datetime
    updated: datetime


class UploadOut(Schema):
    """What an upload of values stored."""

    created: int
    updated: int
    unchanged: int
