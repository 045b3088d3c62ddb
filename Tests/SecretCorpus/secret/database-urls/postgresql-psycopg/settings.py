import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG = False
ALLOWED_HOSTS = ["shop.acme.io"]

SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://shop:P%40ss%21w0rd%232024@pg-primary.acme.internal:5432/shop"
SQLALCHEMY_POOL_RECYCLE = 1800

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
