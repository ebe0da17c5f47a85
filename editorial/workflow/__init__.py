"""The review workflow: who may move content where, and how edits to live content wait for review.

- transitions.py: the table of transitions and the checks each must pass (the one rulebook);
- services.py: the writes that go through it (content_transition, revision_propose, revision_publish...);
- revisions.py: what a pending revision holds, and how it is previewed, applied and compared.

The admin's side is editorial/admin_workflow.py, and it changes state only through these services. It stays
outside this package: it shows the public page as a preview (editorial/preview.py) and the public views read
this package's table, so inside it would close an import cycle (the no-cycles contract in pyproject.toml).
"""
