import json

from django.http import JsonResponse
from flask import Flask, request

from .db import db
from .forms import ProfileForm
from .models import Account, Profile

app = Flask(__name__)


@app.route("/accounts", methods=["POST"])
def create_account():
    # ruleid: py-mass-assignment
    account = Account(**request.get_json())
    db.session.add(account)
    db.session.commit()
    return {"id": account.id}


@app.route("/accounts/<int:pk>", methods=["PATCH"])
def patch_account(pk):
    changes = request.get_json()
    # ruleid: py-mass-assignment
    Account.objects.filter(pk=pk).update(**changes)
    return {"id": pk}


@app.route("/accounts/<int:pk>/name", methods=["PATCH"])
def rename_account(pk):
    account = Account.query.get_or_404(pk)
    # ok: py-mass-assignment
    setattr(account, "name", request.json["name"])
    db.session.commit()
    return {"id": account.id}


def create_profile(request):
    data = json.loads(request.body)
    # ruleid: py-mass-assignment
    profile = Profile.objects.create(**data)
    return JsonResponse({"id": profile.pk})


def create_profile_safe(request):
    form = ProfileForm(request.POST)
    if not form.is_valid():
        return JsonResponse(form.errors, status=400)
    # ok: py-mass-assignment
    profile = Profile.objects.create(user=request.user, **form.cleaned_data)
    # ok: py-mass-assignment
    Profile.objects.filter(pk=profile.pk).update(bio=form.cleaned_data["bio"])
    return JsonResponse({"id": profile.pk})
