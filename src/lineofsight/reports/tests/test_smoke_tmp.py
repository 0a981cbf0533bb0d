import time
from datetime import date

from lineofsight.plans.models import GovernanceBody
from lineofsight.reports.builder import build_pack
from lineofsight.reports.exporters import FORMATS


def test_smoke(example_plan):
    body = GovernanceBody.objects.get(name="Corporate Parenting Board")
    pack = build_pack(body, date(2026, 7, 15))
    print(pack.overall, pack.baseline, pack.exceptions, pack.changes)
    for name, fmt in FORMATS.items():
        t = time.time()
        data = fmt.export(pack)
        open(f"/tmp/rp/pack.{name}", "wb").write(data)
        print(name, len(data), time.time() - t)
