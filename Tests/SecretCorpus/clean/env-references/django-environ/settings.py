import environ

env = environ.Env(DEBUG=(bool, False))
environ.Env.read_env()

SECRET_KEY = env("SECRET_KEY")
DATABASES = {"default": env.db("DATABASE_URL")}
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
