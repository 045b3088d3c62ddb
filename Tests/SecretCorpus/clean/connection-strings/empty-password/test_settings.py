DATABASES = {"default": dj_database_url.parse("mysql://root:@127.0.0.1:3306/test_app")}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
