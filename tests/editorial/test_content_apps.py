"""Each content app declares itself through ContentAppConfig, and editorial reads only that."""

import pytest
from django.apps import apps

from editorial.content_apps import ContentAppConfig
from editorial.roles import EDITOR, REVIEWER, role_permissions


@pytest.mark.parametrize("label", ["articles", "faq", "strains", "risks"])
def test_each_content_app_is_loaded_with_its_own_config(label):
    config = apps.get_app_config(label)
    assert isinstance(config, ContentAppConfig) and type(config) is not ContentAppConfig
    for codename in config.role_permissions[EDITOR]:
        assert codename in role_permissions()[EDITOR] and codename in role_permissions()[REVIEWER]
    assert all(config.get_model(name) for name in config.public_models)
