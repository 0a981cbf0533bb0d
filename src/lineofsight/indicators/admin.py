from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from lineofsight.indicators.models import Indicator, IndicatorLink, IndicatorValue, Target


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "unit", "polarity", "kind", "organisation"]
    list_filter = ["organisation", "kind", "unit"]
    search_fields = ["code", "title"]
    inlines = [TargetInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period_label", "value", "numerator", "denominator", "updated"]
    list_filter = ["indicator__organisation", "period_kind"]
    search_fields = ["indicator__code", "period_label"]
    raw_id_fields = ["indicator", "entered_by"]


@admin.register(IndicatorLink)
class IndicatorLinkAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "action", "recommendation", "confirmed", "rejected"]
    list_filter = ["indicator__organisation", "confirmed", "rejected"]
    raw_id_fields = ["indicator", "action", "recommendation", "decided_by"]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "value", "by_date", "tolerance"]
    list_filter = ["indicator__organisation"]
