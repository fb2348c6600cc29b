"""Writes that respect what is there: symlinks followed, pipes written through, inputs never
overwritten, a full disk or a closed pipe reported in one line, no temporary file left behind.

No test points -o at a real device: a device is reached only as standard output (/dev/full), the
way a user's shell redirection reaches it.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import main
from geomap.output import OutputError, write_atomic

SEED = Path(__file__).resolve().parents[1] / "seeds" / "north-korea-airlifts-arms-to-russia.txt"
ARTICLE = "A planeload of arms left Pyongyang for Russia on Aug. 8, 2023.\n"
GEOMAP = [sys.executable, "-m", "geomap"]


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def one_line_error(result, *, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: "), result.stderr
    assert "Traceback" not in result.output
    return result.stderr


# --- -o names one of the inputs ---------------------------------------------------------------------


def test_extract_refuses_to_overwrite_its_own_input(article):
    message = one_line_error(run("extract", str(article), "-o", str(article)))
    assert "is also an input" in message
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_an_input_reached_by_another_path_or_a_symlink_is_refused_too(article, tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    for output in (link, tmp_path / "." / "a.txt"):
        assert "is also an input" in one_line_error(run("extract", str(article), "-o", str(output)))
    assert article.read_text(encoding="utf-8") == ARTICLE and link.is_symlink()


def test_map_default_output_that_is_its_input_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "output" / "x.html"
    page.parent.mkdir()
    page.write_text("<p>Arms went from Paris to Berlin on Aug. 8, 2023.</p>", encoding="utf-8")
    before = page.read_bytes()
    assert "is also an input" in one_line_error(run("map", "output/x.html"))
    assert page.read_bytes() == before


def test_user_gazetteer_and_event_types_files_are_inputs_too(article, tmp_path):
    places = tmp_path / "mine.csv"
    places.write_text("name,lat,lon\nSunan Airport,39.2,125.67\n", encoding="utf-8")
    result = run("extract", str(article), "--gazetteer", str(places), "-o", str(places))
    assert "is also an input" in one_line_error(result)
    assert places.read_text(encoding="utf-8").startswith("name,lat,lon")


# --- what -o names is respected ----------------------------------------------------------------------


def test_a_symlink_is_followed_and_stays_a_symlink(article, tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert run("extract", str(article), "-o", str(link)).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text(encoding="utf-8"))["places"]


def test_a_named_pipe_is_written_through_and_stays_a_pipe(article, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run("extract", str(article), "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["places"]
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "out.fifo"]  # no temporary file, no regular file


def test_dash_is_standard_output_for_both_commands(article, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert json.loads(run("extract", str(article), "-o", "-").stdout)["places"]
    geojson = json.loads(run("map", str(article), "--format", "geojson", "-o", "-").stdout)
    assert geojson["type"] == "FeatureCollection"
    assert not (tmp_path / "-").exists()


def test_a_directory_is_refused(article, tmp_path):
    assert "is a directory" in one_line_error(run("extract", str(article), "-o", str(tmp_path)))


def test_a_write_that_fails_is_one_line_and_leaves_the_old_file(article, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    assert "cannot write" in one_line_error(run("extract", str(article), "-o", str(blocker / "x.json")))
    assert blocker.read_text(encoding="utf-8") == "not a directory"


def test_an_interrupted_write_leaves_no_temporary_file_and_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new")
    assert os.listdir(tmp_path) == ["out.json"] and path.read_text(encoding="utf-8") == "old"


def test_write_atomic_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o600)
    write_atomic(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.read_text(encoding="utf-8") == "new"


def test_write_atomic_error_is_a_geomap_error(tmp_path):
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(tmp_path, "x")


# --- standard output and signals, in a real process ----------------------------------------------------


def test_a_full_disk_on_standard_output_is_one_line_and_exit_2():
    with open("/dev/full", "wb") as full:  # the user's `> /dev/full`, never -o
        done = subprocess.run([*GEOMAP, "extract", str(SEED)], stdout=full, stderr=subprocess.PIPE, timeout=120)
    stderr = done.stderr.decode()
    assert done.returncode == 2, stderr
    assert stderr == "Error: standard output: cannot write: No space left on device\n"


def test_a_closed_pipe_is_exit_0_without_a_traceback():
    process = subprocess.Popen(
        [*GEOMAP, "geocode", *["Pyongyang"] * 2000], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.read(10)  # type: ignore[union-attr]
    process.stdout.close()  # type: ignore[union-attr]
    stderr = process.stderr.read().decode()  # type: ignore[union-attr]
    assert process.wait(timeout=120) == 0, stderr
    assert stderr == ""


def test_sigterm_ends_the_command_cleanly_with_143(tmp_path):
    process = subprocess.Popen(
        [*GEOMAP, "map", "-", "-o", str(tmp_path / "m.html")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    deadline = time.monotonic() + 60
    while not _catches_sigterm(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)  # and is now waiting for standard input
    # with one thread only: a signal sent to the process is then this thread's, and interrupts its
    # read (folium, through pandas and pyarrow, starts threads, so it is loaded after the input)
    assert len(os.listdir(f"/proc/{process.pid}/task")) == 1
    process.send_signal(signal.SIGTERM)
    # standard input stays open until the process is gone: closing it first (as communicate() does)
    # raced the signal, and an empty input could be read before the signal was handled
    process.wait(timeout=60)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143, stderr
    assert b"Traceback" not in stderr
    assert os.listdir(tmp_path) == []


def _catches_sigterm(pid: int) -> bool:
    """Whether the process has installed a handler for SIGTERM (Linux: SigCgt in /proc/PID/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) & (1 << (signal.SIGTERM - 1)))
    return False


def test_a_read_only_directory_is_one_line_and_leaves_the_old_file(article, tmp_path, monkeypatch):
    """Tests run as root, for whom no directory is read-only: the refusal is simulated where it happens."""
    old = tmp_path / "out.json"
    old.write_text("old", encoding="utf-8")

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refused)
    message = one_line_error(run("extract", str(article), "-o", str(old)))
    assert message == f"Error: {old}: cannot write: Permission denied\n"
    assert old.read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize(
    ("date", "text"),
    [
        ("0001-01-01", "Arms left Pyongyang for Russia yesterday."),
        ("9999-12-31", "Arms left Pyongyang for Russia on November 1."),
        ("0999-03-02", "Arms left Pyongyang for Russia in March."),
        ("0001-01-01", "Arms left Pyongyang for Russia on Tuesday."),
    ],
)
def test_document_dates_at_the_ends_of_the_calendar_work(tmp_path, date, text):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    result = run("extract", str(path), "--date", date)
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)["events"]
    assert events and all(e["date"] is None or len(e["date"].split("-")[0]) == 4 for e in events)
