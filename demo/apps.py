from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content: the text files in content/ and `manage.py load_demo_content`, which loads them."""

    name = "demo"
