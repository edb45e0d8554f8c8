# Scrutiny's image: the web app (gunicorn), the Celery worker and beat all run from it.
# docker-compose.yml shows how; README.md lists the environment variables.

# First stage: the dependencies, installed by uv at the exact versions of uv.lock, each download
# checked against the lock's hash. `--locked` stops the build if uv.lock does not match
# pyproject.toml. Only the installed environment (/venv) goes on to the image: uv and its
# downloads stay behind.
FROM python:3.11-slim-bookworm AS dependencies

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_PROJECT_ENVIRONMENT=/venv \
    UV_PYTHON_DOWNLOADS=never \
    UV_LINK_MODE=copy \
    UV_NO_CACHE=1

# The same uv version as pyproject.toml's development tools (tests/deploy checks they agree).
RUN pip install uv==0.13.9

WORKDIR /build
COPY pyproject.toml uv.lock ./
# Only the app's own dependencies (no test or lint tools); the code runs from /app, not installed.
RUN uv sync --locked --no-dev --no-install-project

# The image itself: the same Python, the locked environment, the code.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    VIRTUAL_ENV=/venv \
    PATH="/venv/bin:$PATH"

# WeasyPrint draws PDFs with Pango and HarfBuzz (loaded at run time, not bundled in its wheel)
# and needs at least one font. psycopg2-binary and Pillow bring their own libraries.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
        libharfbuzz0b \
        libharfbuzz-subset0 \
        fontconfig \
        fonts-dejavu-core \
        gettext \
    && rm -rf /var/lib/apt/lists/*

# The app runs as this user. Its home is writable for the caches libraries keep there
# (fontconfig's for WeasyPrint, gunicorn's control socket); the code in /app is not.
RUN groupadd --system --gid 10001 scrutiny \
    && useradd --system --uid 10001 --gid scrutiny --create-home --home-dir /home/scrutiny \
        --shell /usr/sbin/nologin scrutiny

WORKDIR /app

# Dependencies first, so changing the code does not copy them again.
COPY --from=dependencies /venv /venv

COPY . .

# Static files are collected into the image and served by WhiteNoise; the Welsh catalogue is
# compiled. The key is a throwaway:
# collectstatic needs settings to load, and DEBUG=false selects the compressed, hashed storage.
# var/ holds uploaded files (a named volume mounted there takes this owner) and beat's schedule.
RUN DEBUG=false SECRET_KEY=collectstatic-only-not-used-at-run-time \
        python manage.py collectstatic --noinput \
    && python manage.py compilemessages -l cy --ignore=.venv >/dev/null \
    && mkdir -p var/media var/beat \
    && chown -R scrutiny:scrutiny var

USER scrutiny

ENV DEBUG=false \
    MEDIA_ROOT=/app/var/media

EXPOSE 8000

# A shell form so WEB_CONCURRENCY (gunicorn worker processes) can be set at run time;
# exec so gunicorn gets the stop signal directly.
CMD ["sh", "-c", "exec gunicorn scrutiny.wsgi:application --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --access-logfile -"]
