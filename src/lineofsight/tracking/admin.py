from django.contrib import admin

from lineofsight.tracking.models import EmailLog, EmailPreferences, EvidenceFile, RagSettings, ReminderLog


@admin.register(RagSettings)
class RagSettingsAdmin(admin.ModelAdmin):
    list_display = ["organisation", "due_soon_days", "no_update_days", "stale_days", "use_blue", "reminder_days"]


@admin.register(EvidenceFile)
class EvidenceFileAdmin(admin.ModelAdmin):
    list_display = ["original_name", "update", "size", "uploaded_by", "uploaded_at"]
    raw_id_fields = ["update"]


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ["person", "sent_on", "email", "state", "overdue", "due_soon", "stale"]
    list_filter = ["state", "sent_on"]


@admin.register(EmailPreferences)
class EmailPreferencesAdmin(admin.ModelAdmin):
    list_display = ["user", "updates_posted", "update_signed_off", "rag_overridden", "weekly_summary"]
    raw_id_fields = ["user"]


@admin.register(EmailLog)
class EmailLogAdmin(admin.ModelAdmin):
    list_display = ["kind", "key", "email", "created"]
    list_filter = ["kind"]
