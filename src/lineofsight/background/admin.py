from django.contrib import admin

from lineofsight.background.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("kind", "key", "status", "attempts", "created_at", "finished_at")
    list_filter = ("kind", "status")
    search_fields = ("key", "error")
    readonly_fields = ("created_at", "started_at", "finished_at")
