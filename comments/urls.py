from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("<slug:slug>/reply/", views.ReplyView.as_view(), name="reply"),
]
