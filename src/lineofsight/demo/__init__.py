"""Example Borough Council, the project's own fictional demo, loaded by ``lineofsight demo``.

The top app: it may use every other app. Its plan is a ``lineofsight/plan@1`` fixture
(``data/plan.json``); what that format cannot hold is in ``data/council.json`` and
``data/scorecard.csv``. See ``loader.py``.
"""
