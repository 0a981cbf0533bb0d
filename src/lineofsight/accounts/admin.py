from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from lineofsight.accounts.models import Membership, MembershipInvitation, Organisation, SignInAttempt


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organisation", "role"]
    list_filter = ["role", "organisation"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(SignInAttempt)
class SignInAttemptAdmin(admin.ModelAdmin):
    list_display = ["username", "ip_address", "created"]
    readonly_fields = ["username", "ip_address", "created"]


@admin.register(MembershipInvitation)
class MembershipInvitationAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created", "responded", "accepted"]
    list_filter = ["accepted", "organisation"]
    readonly_fields = ["created", "responded", "accepted"]
