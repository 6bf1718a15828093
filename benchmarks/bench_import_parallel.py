"""The large-file part of `bench_import.py`: a synthetic job-board file imported through the Celery
task by a worker of 1 and of 2 processes (the file split in parts run in parallel), and the real
loker.id file the same way. Called by `bench_import.main` after Django is set up."""

from __future__ import annotations

import csv
import itertools
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REALDATA = ROOT.parent / "shared" / "realdata" / "job_postings"
LOKER = REALDATA / "lokerid_2025-06_07.csv"
CPU_ROWS = 5000
TIMEOUT = 45 * 60

TITLES = ["Kasir", "Staf Gudang", "Sopir Truk", "Admin Gudang", "Perawat", "Teknisi Listrik"]
PLACES = ["Jakarta Barat", "Kota Bandung", "Surabaya", "Palangka Raya", "Medan", "Makassar"]
DESCRIPTION = (
    "Dibutuhkan segera. Kualifikasi: pendidikan minimal SMA/SMK, mampu berkomunikasi dengan baik, "
    "teliti, jujur, bisa mengoperasikan komputer (Microsoft Excel). Tanggung jawab: melayani "
    "pelanggan, membuat laporan harian, menjaga kebersihan area kerja."
)


def write_synthetic(path: Path, rows: int, prefix: str) -> int:
    """`rows` job-board ads (all of loker.id's once when `rows` is 0): loker.id's ads resampled
    with new ids and links (`prefix`: a fresh source per run), else generated; the rows."""
    random.seed(12)
    if LOKER.exists():
        with open(LOKER, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames
            ads = list(reader)
    else:
        header = ["Job ID", "Title", "Company", "Location", "Description", "Posted Date", "Link"]
        ads = [
            {
                "Title": random.choice(TITLES),
                "Company": f"PT Contoh {n % 1300}",
                "Location": random.choice(PLACES),
                "Description": DESCRIPTION,
                "Posted Date": time.strftime("%Y-%m-%d"),
            }
            for n in range(2000)
        ]
    rows = rows or len(ads)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        for n, ad in zip(range(rows), itertools.cycle(ads), strict=False):
            link = f"https://bench.example/{prefix}/{n}"
            writer.writerow({**ad, "Job ID": f"{prefix}{n:07d}", "Link": link})
    return rows


def _cpu_per_row(tmp: Path, officer) -> dict:
    """CPU seconds per row of the import in this process (CPU_ROWS rows, one part)."""
    from employers import imports
    from employers.models import ImportRun

    head = tmp / "head.csv"
    write_synthetic(head, CPU_ROWS, "C")
    run = ImportRun.objects.create(
        kind="vacancies", policy="skip", file_name="head.csv", stored_name="bench-head.csv",
        uploaded_by=officer,
    )  # fmt: skip
    shutil.copy(head, imports.upload_path(run))
    cpu, wall = time.process_time(), time.monotonic()
    run = imports.run_import(run)
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    return {
        "rows": run.rows_total,
        "cpu_s_per_row": round(cpu / max(run.rows_total, 1), 5),
        "wall_s": round(wall, 1),
    }


def _peak_rss_mib(pid: int) -> float:
    """The largest peak resident set (VmHWM) among the worker's processes."""
    import psutil

    peaks = []
    try:
        processes = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    for process in processes:
        try:
            status = Path(f"/proc/{process.pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return round(max(peaks, default=0.0), 1)


def _worker(env: dict, processes: int, log: Path) -> subprocess.Popen:
    output = log.open("w")
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "placement", "worker", "-c", str(processes),
         "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "info"],
        cwd=ROOT, env=env, start_new_session=True, stdout=output, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 300
    while " ready." not in log.read_text() and time.monotonic() < deadline:
        if worker.poll() is not None:
            raise RuntimeError(log.read_text()[-2000:])
        time.sleep(0.5)
    return worker


def _through_workers(path: Path, officer, env: dict, processes: int, tmp: Path) -> dict:
    from celery import Celery

    from employers.models import ImportRun, Vacancy

    # This process runs its own tasks in-process: send this one to the workers' broker by name.
    broker = Celery(broker=env["REDIS_URL"])

    worker = _worker(env, processes, tmp / f"worker-{processes}.log")
    try:
        from employers import imports

        run = ImportRun.objects.create(
            kind="vacancies", policy="skip", file_name=path.name,
            stored_name=f"bench-{processes}-{path.name}", uploaded_by=officer,
        )  # fmt: skip
        shutil.copy(path, imports.upload_path(run))
        started = time.monotonic()
        broker.send_task("employers.tasks.run_import", args=[run.pk], queue=env["CELERY_QUEUE"])
        deadline = started + TIMEOUT
        peak = 0.0
        while time.monotonic() < deadline:
            run.refresh_from_db()
            peak = max(peak, _peak_rss_mib(worker.pid))
            if run.status in ("done", "failed"):
                break
            time.sleep(1)
        wall = time.monotonic() - started
        return {
            "file": path.name,
            "worker_processes": processes,
            "status": run.status,
            "rows": run.rows_total,
            "created": run.rows_imported,
            "updated": run.rows_updated,
            "in_review": run.rows_review,
            "rejected": run.rows_failed,
            "vacancies": Vacancy.objects.filter(import_run=run).count(),
            "parts": run.chunks.count(),
            "wall_s": round(wall, 1),
            "peak_worker_rss_mib": peak,
        }
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=60)


def run_parallel(
    env: dict, redis_url: str, officer, *, rows: int, workers: list[int], cpu_rows: bool = True
) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="bench-import-"))
    worker_env = {
        **env,
        "REDIS_URL": redis_url,
        "VAR_DIR": os.environ.get("VAR_DIR", ""),
        "CELERY_QUEUE": f"bench-import-{os.getpid()}",  # its own queue, whoever shares the Redis
    }
    worker_env = {k: v for k, v in worker_env.items() if v}
    result: dict = {"rows": rows}
    if cpu_rows:
        result["in_process"] = _cpu_per_row(tmp, officer)
        print(f"CPU per row (in process, {CPU_ROWS} rows): {result['in_process']}", flush=True)
    result["runs"] = []
    for processes in workers:
        synthetic = tmp / f"synthetic-{rows}-{processes}.csv"
        write_synthetic(synthetic, rows, f"W{processes}-")  # a fresh source: every ad is new
        result["file_mib"] = round(synthetic.stat().st_size / 2**20, 1)
        outcome = _through_workers(synthetic, officer, worker_env, processes, tmp)
        synthetic.unlink()
        print(f"{rows} synthetic rows, {processes} worker processes: {outcome}", flush=True)
        result["runs"].append(outcome)
    if LOKER.exists():
        copy = tmp / "lokerid-fresh-ids.csv"
        write_synthetic(copy, 0, "L")  # every ad once, under new ids (not updates of the above)
        outcome = _through_workers(copy, officer, worker_env, max(workers), tmp)
        print(f"loker.id through {max(workers)} worker processes: {outcome}", flush=True)
        result["loker_id_workers"] = outcome
    shutil.rmtree(tmp, ignore_errors=True)
    return result
