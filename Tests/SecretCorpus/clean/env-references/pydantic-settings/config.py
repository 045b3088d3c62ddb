from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="APP_")

    database_url: str
    redis_password: SecretStr | None = None
    jwt_secret: SecretStr
    token_ttl_seconds: int = 3600


settings = Settings()
