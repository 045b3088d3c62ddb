import os

user = os.environ["DB_USER"]
password = os.environ["DB_PASSWORD"]
DATABASE_URL = f"postgresql+asyncpg://{user}:{password}@db:5432/app"
