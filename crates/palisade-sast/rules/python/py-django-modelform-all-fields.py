from django import forms
from rest_framework import serializers

from .models import Account, Article, Comment


class AccountForm(forms.ModelForm):
    class Meta:
        model = Account
        # ruleid: py-django-modelform-all-fields
        fields = "__all__"


class ArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        # ruleid: py-django-modelform-all-fields
        fields = "__all__"


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        # ok: py-django-modelform-all-fields
        fields = ["body"]


class SearchForm(forms.Form):
    q = forms.CharField()
    # ok: py-django-modelform-all-fields
    fields = "__all__"
