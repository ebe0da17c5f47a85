from django import forms

from .models import Topic


class ArticleFilterForm(forms.Form):
    # An unknown slug, NUL or a 10,000-character value is an invalid choice: a 400 page.
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.all(), to_field_name="slug", required=False, empty_label="All topics"
    )


class CommentsPageForm(forms.Form):
    comments_page = forms.IntegerField(min_value=1, max_value=100_000, required=False)
