"""The site's addresses with the DCAT-AP-SE export's in front, as the site's root includes them."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from tvatakt.opendata.dcat.urls import urlpatterns as dcat
from tvatakt.urls import urlpatterns as root

urlpatterns = dcat + root
# The export links to the catalogue's own pages; until the site's root includes them, include them here.
included = [inner for outer in root for inner in getattr(outer, "url_patterns", [outer])]
if not any(getattr(pattern, "namespace", None) == "opendata" for pattern in included):
    urlpatterns += i18n_patterns(path("", include("tvatakt.opendata.urls")), prefix_default_language=False)
