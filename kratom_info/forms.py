from django import forms


class SearchForm(forms.Form):
    # CharField refuses NUL characters; max_length refuses floods. Both give a 400 page.
    q = forms.CharField(label="Search", max_length=200, required=False)
