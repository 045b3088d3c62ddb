from django.contrib.auth.models import AbstractBaseUser
from django.db import models


class ApiToken(models.Model):
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE)
    name = models.CharField(max_length=64)
    token_hash = models.CharField(max_length=128, unique=True)
    secret_prefix = models.CharField(max_length=8)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.name} ({self.secret_prefix}…)"
