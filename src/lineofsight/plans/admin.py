from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from lineofsight.plans.changes import change_action
from lineofsight.plans.models import (
    Action,
    ActionOwner,
    ActionReport,
    GovernanceBody,
    Inspection,
    Judgement,
    Person,
    PersonAlias,
    Plan,
    ProgressUpdate,
    Recommendation,
)


@admin.register(PersonAlias)
class PersonAliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "person", "organisation"]
    search_fields = ["name", "person__name"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "role_title", "agency", "organisation", "user"]
    list_filter = ["organisation"]
    search_fields = ["name", "role_title", "email"]


class JudgementInline(admin.TabularInline):
    model = Judgement
    extra = 0


@admin.register(Inspection)
class InspectionAdmin(SimpleHistoryAdmin):
    list_display = ["kind", "organisation", "started", "ended", "published"]
    list_filter = ["kind", "organisation"]
    inlines = [JudgementInline]


@admin.register(Judgement)
class JudgementAdmin(SimpleHistoryAdmin):
    list_display = ["area", "grade", "inspection"]


@admin.register(GovernanceBody)
class GovernanceBodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "chair", "meeting_frequency", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "short_name"]


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "organisation", "status", "inspection", "updated"]
    list_filter = ["status", "organisation"]
    search_fields = ["title"]


class ActionInline(admin.StackedInline):
    model = Action
    extra = 0
    fields = ["ref", "text", "due_text", "due_date", "status", "rag"]
    show_change_link = True


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["ref", "text", "plan", "theme", "section"]
    list_filter = ["plan__organisation", "plan"]
    search_fields = ["text", "ref"]
    inlines = [ActionInline]


class ActionOwnerInline(admin.TabularInline):
    model = ActionOwner
    extra = 0
    autocomplete_fields = ["person"]


class ActionReportInline(admin.TabularInline):
    model = ActionReport
    extra = 0
    autocomplete_fields = ["body"]


class ProgressUpdateInline(admin.StackedInline):
    model = ProgressUpdate
    extra = 0
    fields = ["as_of", "text", "status", "rag", "review"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "recommendation", "due_date", "status", "rag"]
    list_filter = ["status", "rag", "recommendation__plan__organisation"]
    search_fields = ["text", "ref", "due_text"]
    inlines = [ActionOwnerInline, ActionReportInline, ProgressUpdateInline]

    def get_queryset(self, request):  # type: ignore[no-untyped-def]
        # Admins must reach archived actions too (to restore them or read their history).
        return Action.all_objects.all()

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        if not change:
            super().save_model(request, obj, form, change)
            return
        # An edit here goes through the app's one write path, so it is a new version (an
        # officer's open edit form becomes out of date), is in the history and re-rates.
        names = {f.name for f in Action._meta.concrete_fields if f.editable and not f.primary_key}
        fields = {name: getattr(obj, name) for name in form.changed_data if name in names}
        if "recommendation" in fields:
            fields["recommendation_id"] = fields.pop("recommendation").pk
        fields.pop("version", None)
        change_action(
            obj,
            request.user,
            fields=fields,
            reason="Edited in Django admin",
            deadline_reason=obj.due_date_reason or "Changed in Django admin",
        )


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["action", "as_of", "status", "rag", "review", "created"]
    list_filter = ["review", "rag", "status"]


class _ActionLinkAdmin(SimpleHistoryAdmin):
    """An action's ordered link to a person or a body, filtered by council."""

    list_filter = ["action__recommendation__plan__organisation"]
    raw_id_fields = ["action"]


@admin.register(ActionOwner)
class ActionOwnerAdmin(_ActionLinkAdmin):
    list_display = ["action", "person", "position"]
    autocomplete_fields = ["person"]


@admin.register(ActionReport)
class ActionReportAdmin(_ActionLinkAdmin):
    list_display = ["action", "body", "position"]
    autocomplete_fields = ["body"]
