"""What 50 people of two councils do at once: read the plan, their actions, the scorecard
and board packs, and (owners) post progress updates.

Run by ``loadtest/run.py`` (``make load``), which seeds the data and passes its ids in
``LOAD_FIXTURE``; every update the server accepts is written to ``LOAD_ACCEPTED`` so the
runner can check each one reached the database exactly once.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import uuid
from typing import Any

from locust import HttpUser, between, events, task

FIXTURE: dict[str, Any] = json.loads(open(os.environ["LOAD_FIXTURE"], encoding="utf-8").read())  # noqa: SIM115
PEOPLE = itertools.cycle(FIXTURE["people"])
ACCEPTED: list[str] = []
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@events.quitting.add_listener
def write_accepted(**_kwargs: Any) -> None:
    with open(os.environ["LOAD_ACCEPTED"], "w", encoding="utf-8") as out:
        json.dump(ACCEPTED, out)


class CouncilMember(HttpUser):
    """A plan manager, action owner or viewer of one of the two councils."""

    # People read a page, then think: a few seconds between clicks.
    wait_time = between(2, 5)

    def on_start(self) -> None:
        self.person = next(PEOPLE)
        self.rng = random.Random(self.person["username"])
        if not self.person["sign_in"]:
            self.client.cookies.set("sessionid", self.person["session"])
            return
        page = self.client.get("/accounts/sign-in/", name="sign-in form")
        token = CSRF.search(page.text)
        response = self.client.post(
            "/accounts/sign-in/",
            {
                "username": self.person["username"],
                "password": FIXTURE["password"],
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            name="sign in",
            allow_redirects=False,
        )
        if response.status_code != 302:
            response.failure(f"sign-in for {self.person['username']} answered {response.status_code}")

    def _action(self) -> int:
        return int(self.rng.choice(self.person["actions"]))

    @task(4)
    def plan_page(self) -> None:
        self.client.get(f"/plans/{self.person['plan_id']}/", name="plan page")

    @task(4)
    def action_page(self) -> None:
        self.client.get(f"/actions/{self._action()}/", name="action page")

    @task(3)
    def my_actions(self) -> None:
        self.client.get("/tracking/my-actions/", name="my actions")

    @task(2)
    def scorecard(self) -> None:
        self.client.get("/scorecard/", name="scorecard")

    @task(2)
    def board_packs(self) -> None:
        self.client.get("/reports/", name="board packs")
        self.client.get(f"/reports/bodies/{self.person['body_id']}/", name="body's packs")
        self.client.get(f"/reports/packs/{self.person['pack_id']}/", name="issued pack")

    @task(1)
    def download_pack(self) -> None:
        self.client.get(f"/reports/packs/{self.person['pack_id']}/pdf/", name="issued pack PDF")

    @task(4)
    def post_progress(self) -> None:
        if self.person["role"] != "action_owner":
            self.my_actions()  # only owners post here; the others look at their list instead
            return
        action = self._action()
        form = self.client.get(f"/tracking/actions/{action}/updates/new/", name="update form")
        token = CSRF.search(form.text)
        marker = f"load-{uuid.uuid4()}"
        with self.client.post(
            f"/tracking/actions/{action}/updates/new/",
            {
                "text": f"Audits of this month's cases finished; findings shared with team managers. [{marker}]",
                "status": "in_progress",
                "rag": self.rng.choice(["green", "amber"]),
                "impact": "",
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            name="post update",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                ACCEPTED.append(marker)
                response.success()
            else:
                response.failure(f"update refused with {response.status_code}")
