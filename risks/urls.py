from django.urls import path

from . import views

app_name = "risks"
urlpatterns = [
    path("", views.RiskListView.as_view(), name="list"),
    path("<slug:slug>/", views.RiskDetailView.as_view(), name="detail"),
]
