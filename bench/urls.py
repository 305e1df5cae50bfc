"""The app's URLs and a bare page: what a request costs through the same middleware, doing nothing."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET

from idmg.urls import handler400  # noqa: F401  (the app's 400 page)
from idmg.urls import urlpatterns as app_urlpatterns


@require_GET
def bare(request):
    return HttpResponse("bare", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *app_urlpatterns]
