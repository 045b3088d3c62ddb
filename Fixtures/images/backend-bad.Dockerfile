# The Dockerfile backend-bad.tar was (notionally) built from; its layers map to these lines.
FROM python:3.12-alpine
ARG GITHUB_TOKEN
RUN apk update && apk add libpq gcc make musl-dev
ENV DB_PASSWORD=Sup3r-S3cret-2024
RUN pip install --break-system-packages fastapi==0.115.0 uvicorn==0.32.0
WORKDIR /app
COPY . /app
RUN rm -f /app/.env \
 && install -m 4755 /app/bin/helper /usr/local/bin/helper
EXPOSE 8000
CMD ["uvicorn", "main:app", "--host", "0.0.0.0"]
