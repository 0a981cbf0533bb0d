from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "lineofsight.reports"
    label = "reports"
    verbose_name = "Board packs and exports"

    def ready(self) -> None:
        # Registries of the layers below, filled here instead of string imports:
        # the board pack's optional sections, and the Ofsted table as plan export formats.
        from lineofsight.plans.exports import PlanFormat, plan_formats
        from lineofsight.reports import plan_table, sections

        sections.register_sections()
        plan_formats.register("docx", PlanFormat(plan_table.export_plan_docx, "the Ofsted plan table in Word"))
        plan_formats.register("xlsx", PlanFormat(plan_table.export_plan_xlsx, "the Ofsted plan table in Excel"))
