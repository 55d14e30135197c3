# The bot as a container: long polling out, nothing in but an optional /healthz.
# Build: docker build -t recargas-bot .   Run: see docs/DEPLOY.md.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_PATH=/data/topup.sqlite3 \
    HEALTH_PORT=8080 \
    HEALTH_HOST=0.0.0.0

WORKDIR /app

# Exactly the tested versions, each checked against its hash.
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
RUN pip install --no-deps . \
    && groupadd --system --gid 10001 bot \
    && useradd --system --uid 10001 --gid 10001 --no-create-home bot \
    && mkdir /data \
    && chown 10001:10001 /data

# The SQLite file, its -wal and -shm, and the copies taken before a restore: a volume,
# or every redeploy loses the receipts and the purchases pending verification.
VOLUME ["/data"]
USER 10001:10001
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot", "healthcheck"]

# Exec form: no shell in between, so python itself gets SIGTERM (python-telegram-bot
# handles it: polling stops, the database is closed).
STOPSIGNAL SIGTERM
CMD ["python", "-m", "bot"]
