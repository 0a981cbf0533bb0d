from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from lineofsight.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are seen and revoked here; they are made with ``lineofsight token create``,
    the only place the token itself is ever shown."""

    list_display = ["prefix", "name", "user", "organisation", "scope", "created", "expires_at", "revoked_at"]
    list_filter = ["scope", "organisation"]
    readonly_fields = ["token_hash", "prefix", "created", "created_by", "last_used_at", "revoked_by"]
    raw_id_fields = ["user"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
