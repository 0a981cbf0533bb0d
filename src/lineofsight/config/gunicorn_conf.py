"""gunicorn settings for ``make serve`` and deployments: ``gunicorn -c python:lineofsight.config.gunicorn_conf``.

Read from the environment (documented in ``.env.example``) so one file serves every
deployment; the command line can still override any of them.
"""

import os

bind = os.environ.get("WEB_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_WORKERS", "4"))
# Threads let a worker answer a quick page while another request of its waits on the
# database; the pages are short, so a few are enough.
threads = int(os.environ.get("WEB_THREADS", "2"))
# A draft pack's PDF preview is the slowest page (a few seconds for 300 actions).
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
graceful_timeout = 30
# Recycle workers now and then so a slow leak in a library cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# The reverse proxy's address; only it may set X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("WEB_ACCESS_LOG", "-")
errorlog = "-"
# Load the app before forking: workers share its memory and a broken release fails at once.
preload_app = True
# No control socket: its default path is shared by every gunicorn of the same user, so
# two instances on one machine (a test server and a load test) would fight over it.
control_socket_disable = True
# Keep idle connections from the reverse proxy open longer than people pause between
# clicks (nginx keeps upstream connections 75 s); at gunicorn's default of 2 s a request
# sent just as the server closed the idle connection was reset.
keepalive = 75
