from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.http import require_safe

from circulation import accounts
from govuk.sign_in import AdminSignInForm, SignInForm
from meetings.views import home

admin.site.login_form = AdminSignInForm


@require_safe
@login_not_required
def favicon(request):
    """Browsers ask for /favicon.ico on pages, like the admin's, that name no icon."""
    return HttpResponsePermanentRedirect(static("images/favicon.ico"))


def bad_request(request, exception):
    """The GOV.UK page for a request that cannot be read, saying so when it was too big to read."""
    too_long = isinstance(exception, RequestDataTooBig)
    return render(request, "400.html", {"too_long": too_long}, status=400)


handler400 = bad_request

urlpatterns = [
    path("", home, name="home"),
    path("favicon.ico", favicon),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(template_name="registration/login.html", authentication_form=SignInForm),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include(accounts.urlpatterns)),
    path("admin/", admin.site.urls),
    path("", include("meetings.urls")),
    path("", include("actions.urls")),
    path("", include("members.urls")),
    path("", include("minutes.urls")),
    path("", include("circulation.urls")),
    path("", include("search.urls")),
    path("", include("publication.urls")),
    path("", include("imports.urls")),
]
