from django.contrib import admin

from lineofsight.importing.models import ImportSession


@admin.register(ImportSession)
class ImportSessionAdmin(admin.ModelAdmin):
    list_display = ["filename", "organisation", "user", "created", "confirmed_plan"]
    list_filter = ["organisation"]
    readonly_fields = ["filename", "organisation", "user", "plan_document", "warnings", "created"]
