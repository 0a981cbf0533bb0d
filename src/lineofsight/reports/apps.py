from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "lineofsight.reports"
    label = "reports"
    verbose_name = "Board packs and exports"

    def ready(self) -> None:
        # Registries of the layers below, filled here instead of string imports: the board
        # pack's optional sections, the Ofsted table as plan export formats, and issuing a
        # pack as background work.
        from lineofsight.background.jobs import JobKind, job_kinds
        from lineofsight.plans.exports import PlanFormat, plan_formats
        from lineofsight.reports import plan_table, sections, services

        sections.register_sections()
        plan_formats.register("docx", PlanFormat(plan_table.export_plan_docx, "the Ofsted plan table in Word"))
        plan_formats.register("xlsx", PlanFormat(plan_table.export_plan_xlsx, "the Ofsted plan table in Excel"))
        job_kinds.register("issue_pack", JobKind(services.run_issue_job, expected_errors=(services.PackError,)))
