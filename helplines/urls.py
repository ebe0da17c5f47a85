from django.urls import path

from . import views

# No app_name: templates and views name the page "get_help", as before it had an app.
urlpatterns = [
    path("get-help/", views.GetHelpView.as_view(), name="get_help"),
]
