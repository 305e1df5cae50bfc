from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from meetings.views import home

urlpatterns = [
    path("", home, name="home"),
    path("sign-in/", auth_views.LoginView.as_view(template_name="registration/login.html"), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("", include("meetings.urls")),
    path("", include("actions.urls")),
]
