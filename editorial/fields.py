from django.db import models


class HttpsURLField(models.URLField):
    """A URLField whose form treats "example.org/page" as https://, not http://."""

    def formfield(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)
