# syntax=docker/dockerfile:1
# Claimdesk API image: gunicorn serving the Flask app, the spaCy model baked in.
#
# The base is pinned by digest so a rebuild gets the same bytes; the tag is for readers.
# (Digest as pinned by public projects for this tag; no registry was reachable where this
# was written. To refresh: docker buildx imagetools inspect python:3.11-slim-bookworm.)
ARG PYTHON_IMAGE=python:3.11-slim-bookworm@sha256:a36c24f9cbdf4fd0f52d67f0823eeac19c2028c637cecc392d97f980d4fec56b

FROM ${PYTHON_IMAGE} AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
# Dependencies first, in their own layer: a code change does not reinstall them.
COPY deploy/requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock
COPY pyproject.toml README.md ./
COPY service ./service
RUN pip install --no-deps .
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
# Listening on all interfaces inside its network, behind the nginx proxy (the only
# published port; docker-compose sets PROXY_HOPS=1 for it); demand keys even if
# MONGO_URI is forgotten.
# One BLAS thread per process: the extraction pool and the workers are the parallelism;
# OpenBLAS would otherwise start a thread per core in each of them.
ENV BIND=0.0.0.0:8000 \
    SEEDS_DIR=/app/seeds \
    AUTH=required \
    OPENBLAS_NUM_THREADS=1
EXPOSE 8000
# gunicorn is PID 1: SIGTERM lets in-flight requests finish within GRACEFUL_TIMEOUT.
STOPSIGNAL SIGTERM
# Ready means the database answers; the port is the one BIND names.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; port = os.environ.get('BIND', '127.0.0.1:8000').rsplit(':', 1)[1]; urllib.request.urlopen(f'http://127.0.0.1:{port}/readyz', timeout=4)"]
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
