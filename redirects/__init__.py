"""Old links keep working: a path that answers 301 with a new one, where the old path finds nothing.

Like django.contrib.redirects, whose app label ("redirects") this one leaves free: its label is
"site_redirects". The table is still editorial_redirect, where the rows were made before this app.

- models.py: Redirect, one old path and where it now answers;
- services.py: redirect_record, called when a live item's slug changes (signals.py);
- middleware.py: RedirectFallbackMiddleware, consulted only on a 404;
- admin.py: editors add their own.
"""
