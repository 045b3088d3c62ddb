import os

DEBUG = False
SECRET_KEY = "w!0fxq=y9hauis_p)cpoig2rl!mwjf+e6$^s#^g(j3ka70xy2-"
ALLOWED_HOSTS = ["intranet.acme.io"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "intranet",
        "USER": "intranet",
        "PASSWORD": "b#IEF6!mrVQw+iM",
        "HOST": os.environ.get("DB_HOST", "localhost"),
    }
}
