from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.http import require_safe

from meetings.views import home


@require_safe
@login_not_required
def favicon(request):
    """Browsers ask for /favicon.ico on pages, like the admin's, that name no icon."""
    return HttpResponsePermanentRedirect(static("images/favicon.ico"))


urlpatterns = [
    path("", home, name="home"),
    path("favicon.ico", favicon),
    path("sign-in/", auth_views.LoginView.as_view(template_name="registration/login.html"), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("", include("meetings.urls")),
    path("", include("actions.urls")),
    path("", include("minutes.urls")),
    path("", include("publication.urls")),
]
