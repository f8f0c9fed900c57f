from django.http import HttpResponse
from django.urls import path

from tvatakt.urls import handler500  # noqa: F401 - Django looks it up in the root URLconf
from tvatakt.urls import urlpatterns as real_urlpatterns

BROKEN = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Trasig</title></head>
<body><main><h1>Trasig sida</h1><img src="/static/web/site.css"><form><input type="text" name="q"></form>
<div style="width:600px">bred</div><script>document.title = "körde"</script></main></body></html>"""


LINKING = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Länk</title></head>
<body><main><h1>Länk</h1><p><a href="/e2e-trasig/">Till den trasiga sidan</a></p></main></body></html>"""


def linking(request):
    return HttpResponse(LINKING)


def broken(request):
    return HttpResponse(BROKEN)


def failing(request):
    raise RuntimeError("a deliberate server error for the crawler test")


urlpatterns = [path("e2e-lank/", linking), path("e2e-trasig/", broken), path("e2e-fel/", failing), *real_urlpatterns]
