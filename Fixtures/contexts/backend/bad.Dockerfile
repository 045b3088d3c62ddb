# FastAPI backend: compile wheels with the toolchain in a builder stage, ship only libpq.
FROM python:3.12-alpine AS builder
RUN apk add --no-cache gcc musl-dev postgresql-dev
COPY --from=ghcr.io/astral-sh/uv:0.4.30 /uv /bin/uv
WORKDIR /app
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
RUN uv sync --frozen --no-dev

FROM python:3.12-alpine AS runner
RUN apk add --no-cache libpq \
 && addgroup -S -g 1001 fastapi \
 && adduser -S -u 1001 -G fastapi fastapi
WORKDIR /app
COPY --from=builder --chown=fastapi:fastapi /app /app
ENV PATH="/app/.venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
USER fastapi
EXPOSE 8000
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
