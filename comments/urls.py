from django.urls import path

from . import data_requests, views

app_name = "comments"
urlpatterns = [
    path("articles/<slug:slug>/reply/", views.ReplyView.as_view(), name="reply"),
    path("replies/confirm/<str:token>/", views.ConfirmBrowserView.as_view(), name="confirm"),
    path("my-comments/", data_requests.DataRequestView.as_view(), name="data_request"),
    path("my-comments/<str:token>/", data_requests.DataView.as_view(), name="data"),
]
