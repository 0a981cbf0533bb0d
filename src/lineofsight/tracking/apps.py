from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "lineofsight.tracking"
    label = "tracking"
    verbose_name = "Running the plan"

    def ready(self) -> None:
        # Importing signals connects the receivers: re-rating what plans.changes wrote,
        # and removing evidence files with their records.
        from lineofsight.plans.pages import action_page_parts
        from lineofsight.tracking import pages, signals  # noqa: F401

        # The RAG panel and history on the plan app's action page.
        action_page_parts.register("tracking", pages.action_page_part)
