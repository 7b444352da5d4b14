# Claimdesk API image: gunicorn serving the Flask app, the spaCy model baked in.
FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY service ./service
RUN pip install .
COPY gunicorn.conf.py ./
COPY seeds ./seeds

FROM base AS test
# The suite, run against the compose MongoDB by the `tests` service.
RUN pip install '.[dev]'
COPY tests ./tests
COPY bench ./bench
CMD ["pytest", "-q"]

FROM base AS api
RUN useradd --system --uid 10001 claimdesk
USER claimdesk
# Listening on all interfaces: demand keys even if MONGO_URI is forgotten.
ENV BIND=0.0.0.0:8000 \
    SEEDS_DIR=/app/seeds \
    AUTH=required
EXPOSE 8000
# gunicorn is PID 1: SIGTERM lets in-flight requests finish within GRACEFUL_TIMEOUT.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
