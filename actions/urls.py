from django.urls import path

from actions import views

app_name = "actions"

urlpatterns = [
    path("actions/", views.register, name="register"),
    path("actions/export.csv", views.register_csv, name="register-csv"),
    path("actions/export.xlsx", views.register_xlsx, name="register-xlsx"),
    path("actions/export.ods", views.register_ods, name="register-ods"),
    path("actions/<int:pk>/", views.action, name="action"),
    path("actions/<int:pk>/history/", views.action_history, name="history"),
    path("actions/<int:action_pk>/updates/<int:pk>/withdraw/", views.update_withdraw, name="update-withdraw"),
    path("departments/", views.departments, name="departments"),
    path("departments/<int:pk>/", views.department, name="department"),
]
