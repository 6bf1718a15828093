# AntarKerja image for compose.yaml: web (gunicorn), worker and beat run the same image.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
    VAR_DIR=/var/lib/antarkerja \
    STATIC_ROOT=/app/staticfiles
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app --shell /usr/sbin/nologin antarkerja
WORKDIR /app
# The runtime packages only (as `make venv-prod`); requirements-dev.txt is for tests and lint.
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN DEBUG=0 SECRET_KEY=build-only-collectstatic-key-not-used-at-run-time-000 \
      python manage.py collectstatic --noinput \
    && mkdir -p /var/lib/antarkerja \
    && DEBUG=0 SECRET_KEY=build-only-collectstatic-key-not-used-at-run-time-000 \
      python manage.py build_occupation_index \
    && chown -R antarkerja /var/lib/antarkerja
USER antarkerja
EXPOSE 8000
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "--bind", "0.0.0.0:8000"]
