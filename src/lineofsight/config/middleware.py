"""Refuse oversized requests before Django reads their bodies."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class RequestSizeLimitMiddleware:
    """Answer 413 to a request whose declared body is larger than MAX_REQUEST_BYTES.

    Upload forms check each file's size too, but only after Django has streamed the whole
    body to disk; checking the declared length first stops a huge upload at the door.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("Content-Length must be a number.", status=400, content_type="text/plain")
        limit = settings.MAX_REQUEST_BYTES
        if length > limit:
            megabytes = limit // (1024 * 1024)
            return HttpResponse(
                f"The upload is too large: at most {megabytes} MB can be sent at once.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
