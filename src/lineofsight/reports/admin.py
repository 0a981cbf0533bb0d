from django.contrib import admin

from lineofsight.reports.models import BoardPack, BoardPackFile


class BoardPackFileInline(admin.TabularInline):
    model = BoardPackFile
    extra = 0
    readonly_fields = ["format", "file", "size"]


@admin.register(BoardPack)
class BoardPackAdmin(admin.ModelAdmin):
    list_display = ["body", "meeting_date", "organisation", "issued_at", "issued_by"]
    list_filter = ["organisation", "body"]
    date_hierarchy = "meeting_date"
    inlines = [BoardPackFileInline]
    # An issued pack is a record of what a board was told: it is read, never edited.
    readonly_fields = ["organisation", "body", "meeting_date", "issued_at", "issued_by", "content"]


@admin.register(BoardPackFile)
class BoardPackFileAdmin(admin.ModelAdmin):
    list_display = ["pack", "format", "size"]
    readonly_fields = ["pack", "format", "file", "size"]
