from csp.decorators import csp_exempt
from django.http import HttpResponse
from django.urls import path

from tvatakt.urls import handler500  # noqa: F401 - Django looks it up in the root URLconf
from tvatakt.urls import urlpatterns as real_urlpatterns

BROKEN = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Trasig</title></head>
<body><main><h1>Trasig sida</h1><img src="/static/web/site.css"><form><input type="text" name="q"></form>
<div style="width:600px">bred</div><script>document.title = "körde"</script></main></body></html>"""


# A page that asks another site for an image and a style sheet, as a CDN or web-font link would, served without the
# Content Security Policy so that the requests really leave: the crawler must notice them on its own.
FOREIGN = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Utomstående</title>
<link rel="stylesheet" href="http://cdn.tredje-part.invalid/typsnitt.css"></head>
<body><main><h1>Utomstående</h1><img alt="" src="http://bilder.tredje-part.invalid/pixel.png"></main></body></html>"""


LINKING = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Länk</title></head>
<body><main><h1>Länk</h1><p><a href="/e2e-trasig/">Till den trasiga sidan</a></p></main></body></html>"""


def linking(request):
    return HttpResponse(LINKING)


def broken(request):
    return HttpResponse(BROKEN)


@csp_exempt()
def foreign(request):
    return HttpResponse(FOREIGN)


def failing(request):
    raise RuntimeError("a deliberate server error for the crawler test")


urlpatterns = [
    path("e2e-lank/", linking),
    path("e2e-utomstaende/", foreign),
    path("e2e-trasig/", broken),
    path("e2e-fel/", failing),
    *real_urlpatterns,
]
