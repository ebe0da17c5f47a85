"""The production settings, with the bench's own URLs (the bare view exists only here)."""

from kratom_info.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
