"""The backup's media archive and files, without a database: what a restore unpacks, and who
can read a backup."""

from __future__ import annotations

import io
import tarfile

import pytest

from placement.ops import backup


def _archive(path, *members: tuple[str, bytes]) -> None:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


@pytest.mark.parametrize("data_filter", [True, False], ids=["python-3.11.4+", "debian-12-3.11.2"])
def test_the_media_archive_unpacks_with_and_without_pythons_data_filter(
    tmp_path, monkeypatch, data_filter
):
    # Debian 12's python3 (3.11.2) has no tarfile.data_filter; extractall(filter=...) is a
    # TypeError there, which broke every restore on the README's own platform.
    if not data_filter:
        monkeypatch.delattr(tarfile, "data_filter", raising=False)
    _archive(tmp_path / "media.tar.gz", ("media/cv/a.pdf", b"%PDF cv"))
    backup._restore_media(tmp_path / "media.tar.gz", tmp_path / "private")
    assert (tmp_path / "private" / "cv" / "a.pdf").read_bytes() == b"%PDF cv"


@pytest.mark.parametrize("data_filter", [True, False], ids=["python-3.11.4+", "debian-12-3.11.2"])
def test_an_archive_entry_outside_the_media_folder_is_refused(tmp_path, monkeypatch, data_filter):
    if not data_filter:
        monkeypatch.delattr(tarfile, "data_filter", raising=False)
    _archive(tmp_path / "media.tar.gz", ("media/../../escaped.txt", b"x"))
    refusals = (backup.BackupError, getattr(tarfile, "FilterError", backup.BackupError))
    with pytest.raises(refusals):
        backup._restore_media(tmp_path / "media.tar.gz", tmp_path / "deep" / "private")
    assert not (tmp_path / "escaped.txt").exists()
    assert not (tmp_path / "deep" / "private").exists()
