import gc
import os

from django.core.signals import request_finished
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tvatakt.settings")
django_application = get_wsgi_application()


def application(environ, start_response):
    """Django's answer, as a list of one byte string when it is all there already (not a file, not a stream).

    A WSGI application may return any iterable, and Django returns its response object. granian sends a list in
    one piece, but goes through any other iterable item by item, calling back into Python for each while holding
    the GIL: a sampling profiler found a worker's GIL held there 8 % of the time during a registration rush.
    Closing the response (Django's request_finished: connections given back, the query log reset) is then ours,
    and is done here, once the bytes are in hand."""
    response = django_application(environ, start_response)
    if getattr(response, "streaming", True):  # a stream, a file (wsgi.file_wrapper) or anything else: as it is
        return response
    try:
        return [response.content]
    finally:
        response.close()


# A full garbage collection walks every object the process holds, and a worker holds some 150,000 that live as
# long as it does (apps, URL patterns, compiled templates, translations). Walking them took 60-90 ms, once every
# thousand or so requests: that was the p99 of the cached pages (100+ ms, against 1 ms for the rest). Frozen
# objects are left out of collections (5 ms). Freeze what start-up made, and again after the first requests have
# loaded the templates and the rest, so nothing long-lived is left for the collector to walk.
FREEZE_AFTER = {1, 100, 1000}
_served = 0


def _freeze_when_warm(**_kwargs) -> None:
    # Threads may race on the count; a freeze missed or repeated costs nothing.
    global _served
    _served += 1
    if _served in FREEZE_AFTER:
        gc.collect()  # first, so that no garbage is frozen with the rest, never to be freed
        gc.freeze()


gc.collect()
gc.freeze()
request_finished.connect(_freeze_when_warm, dispatch_uid="tvatakt-gc-freeze")
