"""Batches (geomap/batch.py, geomap/parquet.py and `geomap extract` over many inputs): article
tables, directories, globs, a bad document among good ones, --jobs, --resume after a kill, Dask,
and the Parquet dataset read back by DuckDB and pandas."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap import batch
from geomap.cli import main

PLACES = ["Pyongyang", "Russia", "Odesa", "Istanbul", "Kyiv", "Poland", "Tehran", "Syria", "Beijing", "Moscow"]


def article(n: int) -> str:
    a, b = PLACES[n % len(PLACES)], PLACES[(n * 3 + 1) % len(PLACES)]
    return f"Article {n}. A planeload of arms left {a} for {b} on Aug. {n % 27 + 1}, 2023, officials said."


def rows(count: int) -> list[dict]:
    return [{"id": f"a{n}", "date": f"2023-{n % 2 + 7:02d}-10", "url": f"https://news.example/{n}", "title": f"t{n}",
             "text": article(n)} for n in range(count)]  # fmt: skip


def write_jsonl(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in items), encoding="utf-8")
    return path


def run(*args: str, code: int = 0, stdin: str | None = None):
    result = CliRunner().invoke(main, ["extract", "--reader", "rules", *args], input=stdin)
    assert result.exit_code == code, (result.exit_code, result.output)
    return result


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_a_jsonl_article_table(tmp_path):
    table = write_jsonl(tmp_path / "news.jsonl", rows(3))
    out = records(run(str(table), "--format", "jsonl").stdout)
    assert [r["source"] for r in out] == ["a0", "a1", "a2"]
    assert [r["date"] for r in out] == ["2023-07-10", "2023-08-10", "2023-07-10"]
    assert {p["name"] for p in out[0]["places"]} == {"Pyongyang", "Russia"}
    assert out[0]["events"] and out[0]["events"][0]["date"] == "2023-08-01"


def test_a_csv_article_table_with_its_own_column_names(tmp_path):
    table = tmp_path / "archive.csv"
    with open(table, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["key", "published", "body"])
        writer.writerow(["x1", "2023-08-09T10:00:00Z", "Arms left Pyongyang\nfor Russia on Aug. 8."])  # quoted \n
        writer.writerow(["", "", "Grain sailed from Odesa to Istanbul."])
    names = ["--text-field", "body", "--id-field", "key", "--date-field", "published"]
    result = run(str(table), *names, "--format", "jsonl")
    out = records(result.stdout)
    assert [(r["source"], r["date"]) for r in out] == [("x1", "2023-08-09"), (f"{table}:4", None)]  # no id: FILE:LINE
    assert {p["name"] for p in out[1]["places"]} == {"Odesa", "Istanbul"}


def test_url_and_title_of_a_jsonl_table_go_into_its_records(tmp_path):
    table = write_jsonl(tmp_path / "news.jsonl", [
        {"id": "a", "url": "https://news.example/a?x=1&y=2", "title": " Arms\nleave  Pyongyang ", "text": article(0)},
        {"id": "b", "url": "", "title": None, "text": article(1)},  # empty: left out, as a missing one is
        {"id": "c", "text": article(2)},
        {"id": "d", "url": ["not", "text"], "text": article(3)},
    ])  # fmt: skip
    result = run(str(table), "--format", "jsonl", "-q", code=1)
    out = records(result.stdout)
    assert [(r["source"], r.get("url"), r.get("title")) for r in out] == [
        ("a", "https://news.example/a?x=1&y=2", "Arms leave Pyongyang"), ("b", None, None), ("c", None, None),
    ]  # fmt: skip
    assert list(out[0])[:5] == ["schema_version", "source", "url", "title", "date"]
    assert "url" not in out[1] and "title" not in out[1]  # absent, not null: a record 1.0 readers take
    assert result.stderr == f"Error: d: {table}:4: url: expected text, got list\n"


def test_url_and_title_of_a_csv_table_under_their_own_names(tmp_path):
    table = tmp_path / "archive.csv"
    with open(table, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["key", "link", "headline", "body"])
        writer.writerow(["x1", "https://news.example/x1", '=Arms, "airlifted"', "Arms left Pyongyang for Russia."])
        writer.writerow(["x2", "", "", "Grain sailed from Odesa to Istanbul."])
    names = ["--text-field", "body", "--id-field", "key", "--url-field", "link", "--title-field", "headline"]
    out = records(run(str(table), *names, "--format", "jsonl").stdout)
    assert [(r["source"], r.get("url"), r.get("title")) for r in out] == [
        ("x1", "https://news.example/x1", '=Arms, "airlifted"'), ("x2", None, None),
    ]  # fmt: skip
    # and on to geomap's own CSV, where a title that looks like a formula stays text, and back
    back = tmp_path / "records.csv"
    run(str(table), *names, "--format", "csv", "-o", str(back))
    lines = list(csv.DictReader(back.open(encoding="utf-8", newline="")))
    assert (lines[0]["url"], lines[0]["title"]) == ("https://news.example/x1", '\'=Arms, "airlifted"')
    assert records(run(str(back), "--format", "jsonl").stdout) == out


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
@pytest.mark.parametrize("option", ["--url-field", "--title-field", "--id-field", "--date-field"])
def test_a_column_named_but_missing_stops_in_one_line(tmp_path, suffix, option):
    """A missing url or title column is simply left out; one the user named is an error, exit 2."""
    table = tmp_path / f"news{suffix}"
    source = [{"text": article(n)} for n in range(2)]
    if suffix == ".jsonl":
        write_jsonl(table, source)
    elif suffix == ".csv":
        table.write_text("text\n" + "".join(f'"{r["text"]}"\n' for r in source), encoding="utf-8")
    else:
        pa = pytest.importorskip("pyarrow")
        pytest.importorskip("pyarrow.parquet").write_table(pa.Table.from_pylist(source), table)
    assert len(records(run(str(table), "--format", "jsonl", "-q").stdout)) == 2  # defaults: absent is fine
    result = run(str(table), option, "link", "--format", "jsonl", code=2)
    assert result.stdout == ""
    assert result.stderr == f"Error: {table}: no 'link' column, named by {option}; it has 'text'\n"


def test_a_table_is_told_from_geomaps_records_by_its_content(tmp_path):
    table = write_jsonl(tmp_path / "t.jsonl", rows(1))
    back = tmp_path / "records.jsonl"
    run(str(table), "--format", "jsonl", "-o", str(back))
    again = records(run(str(back), "--format", "jsonl").stdout)  # read back as records, not articles
    assert again == records(back.read_text())
    stdin = run("-", "--table", "--format", "jsonl", stdin=table.read_text()).stdout  # - as a JSONL table
    assert records(stdin) == again


def test_a_directory_is_searched_recursively_for_articles(tmp_path):
    (tmp_path / "news" / "sub").mkdir(parents=True)
    (tmp_path / "news" / "b.txt").write_text(article(1))
    (tmp_path / "news" / "sub" / "a.html").write_text(f"<html><body><p>{article(2)}</p></body></html>")
    (tmp_path / "news" / ".draft.txt").write_text(article(3))
    (tmp_path / "news" / "notes.pdf").write_bytes(b"%PDF")
    out = records(run(str(tmp_path / "news"), "--format", "jsonl").stdout)
    assert [Path(r["source"]).relative_to(tmp_path).as_posix() for r in out] == ["news/b.txt", "news/sub/a.html"]
    globbed = records(run(str(tmp_path / "news" / "**" / "*.html"), "--format", "jsonl").stdout)
    assert [r["source"] for r in globbed] == [out[1]["source"]]


def test_a_bad_file_is_named_and_the_others_land(tmp_path):
    good = [tmp_path / "a.txt", tmp_path / "c.txt"]
    for n, path in enumerate(good):
        path.write_text(article(n))
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"Arms to \xff\xfe Russia")
    out = tmp_path / "out.jsonl"
    result = run(str(good[0]), str(bad), str(good[1]), "--format", "jsonl", "-o", str(out), code=1)
    assert [r["source"] for r in records(out.read_text())] == [str(good[0]), str(good[1])]
    lines = result.stderr.splitlines()
    assert lines[0] == f"Error: {bad}: not UTF-8 text (byte 8)"
    assert lines[1].startswith("geomap: 3 documents: 2 done, 1 failed")
    stopped = run(str(good[0]), str(bad), str(good[1]), "--format", "jsonl", "--errors", "stop", code=2)
    assert [r["source"] for r in records(stopped.stdout)] == [str(good[0])]
    assert "stopped at the first failure" in stopped.stderr
    quiet = run(str(good[0]), str(bad), "-q", "--format", "json", code=1)
    assert quiet.stderr == f"Error: {bad}: not UTF-8 text (byte 8)\n"
    assert json.loads(quiet.stdout)["source"] == str(good[0])


def test_failures_in_a_table_name_the_row_and_escape_what_could_steer_a_terminal(tmp_path):
    table = write_jsonl(tmp_path / "t.jsonl", [*rows(1), {"id": "evil\x1b[2J", "text": ""}, {"id": "x", "text": 5}])
    with open(table, "a") as f:
        f.write("{not json\n")
    result = run(str(table), "--format", "jsonl", "-q", code=1)
    assert len(records(result.stdout)) == 1
    assert result.stderr.splitlines() == [
        "Error: evil\\x1b[2J: is empty: no text to read",
        f"Error: x: {table}:3: text: expected the article's text, got int",
        f"Error: {table}:4: not valid JSON: Expecting property name enclosed in double quotes",
    ]


def test_jobs_2_gives_the_bytes_of_jobs_1(tmp_path):
    table = write_jsonl(tmp_path / "t.jsonl", rows(60))
    one = run(str(table), "--format", "jsonl", "--jobs", "1").stdout
    two = run(str(table), "--format", "jsonl", "--jobs", "2").stdout
    assert one == two and len(records(one)) == 60
    csv_one = run(str(table), "--format", "csv", "--jobs", "1").stdout
    assert run(str(table), "--format", "csv", "--jobs", "2").stdout == csv_one


def test_the_api_runs_in_input_order_on_a_pool():
    settings = batch.Settings(reader="rules")
    items = [batch.Item(f"d{n}", text=article(n)) for n in range(40)]
    pooled = list(batch.run(items, settings, jobs=2, chunk_size=4))
    assert pooled == list(batch.run(items, settings, jobs=1)) and [r.id for r in pooled] == [i.id for i in items]


def test_a_pool_gets_tasks_of_32_articles_and_a_batch_of_one_task_stays_in_this_process(monkeypatch):
    """Tasks of 32 articles, not 8: each task costs the parent (which shares the cores with the
    workers) a pickled call, a wake-up and a result to unpickle."""
    from concurrent.futures import Future

    sizes: list[int] = []

    class Recording:  # an executor that runs each task here and notes its size
        def submit(self, function, chunk, settings):
            sizes.append(len(chunk))
            future: Future = Future()
            future.set_result(function(chunk, settings))
            return future

    class Executor:
        def __init__(self, engine, jobs, *rest):
            self.jobs = jobs

        def __enter__(self):
            return Recording(), self.jobs

        def __exit__(self, *exc):
            pass

    monkeypatch.setattr(batch, "_executor", Executor)
    settings = batch.Settings(reader="rules")
    items = [batch.Item(f"d{n}", text=article(n)) for n in range(70)]
    assert [r.id for r in batch.run(items[:32], settings, jobs=2)] == [i.id for i in items[:32]] and sizes == []
    assert [r.id for r in batch.run(items, settings, jobs=2)] == [i.id for i in items] and sizes == [32, 32, 6]


@pytest.mark.skipif("forkserver" not in __import__("multiprocessing").get_all_start_methods(), reason="no fork server")
def test_a_local_clusters_workers_are_forked_from_the_fork_server(tmp_path):
    """A LocalCluster's workers come from the fork server geomap starts beside this process (not
    each spawned and importing distributed, 0.25 s more to start), and Dask's own fork-server
    preload, which imports pandas, numpy, pyarrow… here first, is not run."""
    pytest.importorskip("distributed")
    code = """
import os, sys
from geomap import batch
with batch._executor("dask", 2, batch.Settings(reader="rules"), None, None) as (executor, workers):
    parents = {executor.submit(os.getppid).result() for _ in range(4)}
    from multiprocessing import forkserver
print(workers, parents == {forkserver._forkserver._forkserver_pid}, "pandas" in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    # the workers' parent is the fork server itself (spawned workers' parent would be the nanny, here)
    assert done.stdout.split() == ["2", "True", "False"], done.stderr


def test_the_command_starts_a_local_clusters_fork_server_before_it_reads_its_inputs(tmp_path, monkeypatch):
    """--engine dask: the fork server the workers come from starts (importing distributed) before
    the command plans and reads its inputs, not once the batch runs; not with a --scheduler, nor
    for the local engine."""
    pytest.importorskip("distributed")
    events: list[str] = []
    forkserver, plan = batch._forkserver, batch.plan
    monkeypatch.setattr(batch, "_forkserver", lambda modules: events.append("fork server") or forkserver(modules))
    monkeypatch.setattr(batch, "plan", lambda *args, **kwargs: events.append("plan") or plan(*args, **kwargs))
    table = write_jsonl(tmp_path / "t.jsonl", rows(3))
    run(str(table), "--format", "jsonl", "--engine", "dask", "--jobs", "1")
    assert events[:2] == ["fork server", "plan"]
    events.clear()
    run(str(table), "--format", "jsonl", "--jobs", "2")
    batch.prepare("dask", "tcp://127.0.0.1:8786")  # a scheduler's workers are its own
    assert "fork server" not in events


FROZEN = """
import gc, multiprocessing, sys
from geomap import batch
settings = batch.Settings(reader="rules")
if sys.argv[1] == "pool":
    import geomap._forkserver  # does nothing outside the fork server
    with batch._executor("local", 2, settings, None, None) as (pool, workers):
        print({pool.submit(gc.get_freeze_count).result() > 0 for _ in range(4)}, gc.get_freeze_count())
elif sys.argv[1] == "forkserver":
    batch._forkserver(("geomap.batch",))
    with multiprocessing.get_context("forkserver").Pool(1) as forked:
        print(forked.apply(gc.get_freeze_count) > 0, forked.apply(gc.isenabled), gc.get_freeze_count())
elif sys.argv[1] == "import":
    with batch._kept_to_the_end():  # as the executor imports distributed
        print(gc.isenabled(), gc.get_freeze_count())
        import distributed
    print(gc.isenabled(), gc.get_freeze_count() > 0)
    with batch._kept_to_the_end():  # not the first time
        print(gc.isenabled())
else:
    for options in ({}, {"processes": False, "n_workers": 1}):
        before = gc.get_freeze_count()
        with batch._executor("dask", 2, settings, None, options) as (executor, workers):
            counts = executor._client.run(gc.get_freeze_count).values()
            seen = executor._client.run(lambda: any(o is batch._resources(settings)[0] for o in gc.get_objects()))
            enabled = executor._client.run(gc.isenabled).values()
            print(before, gc.get_freeze_count(), *counts, *seen.values(), gc.isenabled(), *enabled)
"""


def test_workers_and_a_dask_client_leave_what_they_keep_out_of_full_collections(tmp_path):
    """A pool's worker freezes its modules, gazetteer and lexicon once warm (gc.freeze: a full
    collection walked them every few hundred articles); so does the fork server, after its preloads
    (a worker forked from it has them frozen before any work), the parent once distributed is
    imported, and a LocalCluster's worker processes; never a cluster of threads in this process. The
    fork server's preloads and the parent's import of distributed run without the collector, which is
    on again after them."""

    here = str(Path(batch.__file__).parents[1])  # this geomap, not another one installed
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")]))}

    def frozen(part: str) -> list[str]:
        command = [sys.executable, "-c", FROZEN, part]
        done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=tmp_path, env=env)
        return done.stdout.splitlines()

    assert frozen("pool") == ["{True} 0"]  # the pool's workers, not this process
    if "forkserver" in __import__("multiprocessing").get_all_start_methods():
        assert frozen("forkserver") == ["True True 0"]
    if importlib.util.find_spec("distributed"):
        assert frozen("import") == ["False 0", "True True", "True"]
        processes, threads = ([eval(n) for n in line.split()] for line in frozen("dask"))
        # this process is frozen once distributed is imported; its worker processes too, with the gazetteer
        # they opened (no longer among the objects the collector walks)
        assert processes[0] == 0 and processes[1] > 0 and min(processes[2:4]) > processes[1]
        assert processes[4:] == [False, False, True, True, True]  # the gazetteer not seen; the collector on
        # a second cluster does not freeze this process again, nor does its worker thread (a frozen object
        # that dies leaves the count)
        assert processes[1] >= threads[0] >= threads[1] >= threads[2] and threads[3:] == [True, True, True]


def test_resume_after_a_kill(tmp_path):
    table = write_jsonl(tmp_path / "t.jsonl", rows(1500))
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "geomap", "extract", str(table), "--reader", "rules", "--format", "jsonl",
               "-o", str(out), "--jobs", "1", "-q"]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while (not out.exists() or out.read_bytes().count(b"\n") < 30) and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    whole = out.read_text().rsplit("\n", 1)[0]  # a kill may tear the line being written: --resume cuts it
    finished = records(whole)
    assert 30 <= len(finished) < 1500  # whole records, killed mid-run
    with open(out, "a") as f:
        f.write('{"schema_version": "1.0", "sou')  # and a torn line, as a kill mid-write could leave
    result = subprocess.run([*command[:-1], "--jobs", "2", "--resume"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    fresh = tmp_path / "fresh.jsonl"
    subprocess.run([*command[:10], str(fresh), "-q"], check=True)
    assert out.read_bytes() == fresh.read_bytes()  # each article once, in input order
    again = run(str(table), "--format", "jsonl", "-o", str(out), "--resume")
    assert "0 documents" in again.stderr and "1,500 done before" in again.stderr


def test_a_dask_local_cluster_gives_the_local_results():
    pytest.importorskip("distributed")
    settings = batch.Settings(reader="rules")
    items = [batch.Item(f"d{n}", text=article(n)) for n in range(30)]
    local = list(batch.run(items, settings, jobs=1))
    options = {"processes": False, "n_workers": 1, "threads_per_worker": 2}
    dask = list(batch.run(items, settings, engine="dask", jobs=2, chunk_size=4, cluster_options=options))
    assert dask == local


def test_the_command_on_a_dask_local_cluster(tmp_path):
    pytest.importorskip("distributed")
    table = write_jsonl(tmp_path / "t.jsonl", rows(12))
    local = run(str(table), "--format", "jsonl", "--jobs", "1").stdout
    assert run(str(table), "--format", "jsonl", "--engine", "dask", "--jobs", "1").stdout == local


def test_parquet_dataset_read_back_by_duckdb_and_pandas(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    pd = pytest.importorskip("pandas")
    table = write_jsonl(tmp_path / "t.jsonl", rows(20))
    out = tmp_path / "corpus"
    run(str(table), "--format", "parquet", "-o", str(out))
    months = sorted(p.name for p in (out / "events").iterdir())
    assert months == ["month=2023-07", "month=2023-08"]
    glob = f"{out}/events/*/*.parquet"
    flows = duckdb.sql(
        f"SELECT origin_name, destination_name, type, month, count(*) AS n FROM read_parquet('{glob}', "
        "hive_partitioning = true) GROUP BY ALL ORDER BY n DESC, origin_name"
    ).fetchall()
    assert ("Pyongyang", "Russia", "shipment", "2023-07", 2) in flows
    events = pd.read_parquet(out / "events")
    expected = sum(len(r["events"]) for r in records(run(str(table), "--format", "jsonl").stdout))
    assert len(events) == expected and set(events["source"]) <= {f"a{n}" for n in range(20)}
    assert {"origin_lat", "destination_country", "modality", "confidence", "evidence"} <= set(events.columns)
    places = pd.read_parquet(out / "places")
    assert places.groupby("source").size().sum() == len(places) and places["lat"].between(-90, 90).all()
    documents = pd.read_parquet(out / "documents")
    assert sorted(documents["source"]) == sorted(f"a{n}" for n in range(20))
    # every table names its article: its url and title beside its source
    for frame in (events, places, documents):
        assert {(s, u, t) for s, u, t in zip(frame["source"], frame["url"], frame["title"], strict=True)} <= {
            (f"a{n}", f"https://news.example/{n}", f"t{n}") for n in range(20)
        }
    about = duckdb.sql(
        f"SELECT DISTINCT source, url, title FROM read_parquet('{glob}', hive_partitioning = true) WHERE source = 'a3'"
    ).fetchall()
    assert about == [("a3", "https://news.example/3", "t3")]
    kinds = duckdb.sql(f"DESCRIBE SELECT url, title FROM read_parquet('{out}/documents/*/*.parquet')").fetchall()
    assert [k[:2] for k in kinds] == [("url", "VARCHAR"), ("title", "VARCHAR")]
    # a second run into the same dataset is refused; --resume adds only the new articles
    write_jsonl(table, rows(24))
    refused = run(str(table), "--format", "parquet", "-o", str(out), code=2)
    assert "--resume" in refused.stderr
    resumed = run(str(table), "--format", "parquet", "-o", str(out), "--resume")
    assert "4 documents" in resumed.stderr and "20 done before" in resumed.stderr
    assert len(pd.read_parquet(out / "documents")) == 24


def test_a_parquet_article_table(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    import datetime as dt

    source = rows(5)
    for row in source:
        row["date"] = dt.date.fromisoformat(row["date"])
    path = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist(source), path)
    out = records(run(str(path), "--format", "jsonl").stdout)
    assert [(r["source"], r["date"]) for r in out] == [(r["id"], r["date"].isoformat()) for r in source]
    assert [(r["url"], r["title"]) for r in out] == [(r["url"], r["title"]) for r in source]


def test_the_output_is_never_read_as_an_input(tmp_path):
    (tmp_path / "a.txt").write_text(article(0))
    out = tmp_path / "records.txt"
    out.write_text("an old output that happens to end in .txt")
    run(str(tmp_path), "--format", "jsonl", "-o", str(out))
    assert [r["source"] for r in records(out.read_text())] == [str(tmp_path / "a.txt")]


def test_progress_stays_off_the_stream_when_it_is_not_a_terminal(tmp_path):
    table = write_jsonl(tmp_path / "t.jsonl", rows(3))
    result = run(str(table), "--format", "jsonl")
    assert "\r" not in result.stderr and result.stderr.count("\n") == 1  # the summary alone
    assert run(str(table), "--format", "jsonl", "--quiet").stderr == ""
    from geomap.cli import Progress, Tally

    progress, tally = Progress(10, enabled=True), Tally()
    tally.ok = 4
    progress.shown -= 2
    os.environ.setdefault("COLUMNS", "80")
    with pytest.MonkeyPatch.context() as m:
        import io

        stream = io.StringIO()
        m.setattr(sys, "stderr", stream)
        progress.update(tally)
        progress.clear()
    line = stream.getvalue()
    assert line.startswith("\r4/10 documents") and "ETA" in line and "0 failed" in line and line.endswith("\r\x1b[K")


@pytest.mark.parametrize("content", [b"important notes, no newline", b'{"schema_version": "1.0"}\nnotes at the end'])
def test_resume_never_cuts_what_is_not_a_torn_record(tmp_path, content):
    """--resume cuts a torn last record; a file that ends in anything else is refused, unchanged."""
    source = tmp_path / "a.txt"
    source.write_text(article(1), encoding="utf-8")
    notes = tmp_path / "notes.jsonl"
    notes.write_bytes(content)
    result = CliRunner().invoke(main, ["extract", str(source), "--format", "jsonl", "-o", str(notes), "--resume"])
    assert result.exit_code == 2 and "not a geomap record" in result.stderr and result.stderr.count("\n") == 1
    assert notes.read_bytes() == content


def test_a_cluster_of_its_own_processes_reached_by_its_address(tmp_path):
    """--scheduler tcp://…: a scheduler and a worker started as their own processes (as on a cluster),
    geomap as a client of them; the records equal the local run's."""
    pytest.importorskip("distributed")
    dask = Path(sys.executable).with_name("dask")
    if not dask.exists():
        pytest.skip("the dask command is not installed beside this Python")
    info = tmp_path / "scheduler.json"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    scheduler = subprocess.Popen(
        [str(dask), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(info)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    worker = None
    try:
        for _ in range(300):  # the scheduler writes its address once it listens
            if info.exists() and info.stat().st_size:
                break
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        worker = subprocess.Popen(
            [str(dask), "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        )  # fmt: skip
        table = write_jsonl(tmp_path / "t.jsonl", rows(12))
        local = run(str(table), "--format", "jsonl", "--jobs", "1").stdout
        remote = run(str(table), "--format", "jsonl", "--engine", "dask", "--scheduler", address).stdout
        assert remote == local
        # a scheduler that is not there is one line and exit 2, not a hang or a traceback
        import dask.config

        with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
            gone = run(str(table), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", code=2).output
        assert gone.count("\n") == 1 and "Dask scheduler" in gone
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)


def test_a_dataset_resumed_from_parts_without_url_and_title_reads_back_whole(tmp_path):
    """Parts written before records had a url and a title (schema 1.0) lack those columns; a reader
    that takes the dataset's schema from its first part (pandas, Dask, DuckDB without union_by_name)
    dropped them from the newer parts too. Resuming brings the old parts to the current schema."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pd = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    from geomap.parquet import _schemas, flatten

    out = tmp_path / "corpus"
    old = records(run(str(write_jsonl(tmp_path / "old.jsonl", rows(6))), "--format", "jsonl").stdout)
    for record in old:  # as the writer of schema 1.0 wrote them: no url or title, anywhere
        del record["url"], record["title"]
    for name, schema in _schemas().items():
        kept = pa.schema([f for f in schema if f.name not in ("url", "title")])
        for month in ("2023-07", "2023-08"):
            group = [
                {k: v for k, v in row.items() if k in kept.names}
                for record in old
                if record["date"].startswith(month)
                for row in flatten(record)[name]
            ]
            folder = out / name / f"month={month}"
            folder.mkdir(parents=True)
            pq.write_table(pa.Table.from_pylist(group, schema=kept), folder / "part-00000.parquet")
    table = write_jsonl(tmp_path / "t.jsonl", rows(10))
    resumed = run(str(table), "--format", "parquet", "-o", str(out), "--resume")
    assert "4 documents" in resumed.stderr and "6 done before" in resumed.stderr
    expected = {(f"a{n}", f"https://news.example/{n}" if n >= 6 else None, f"t{n}" if n >= 6 else None)
                for n in range(10)}  # fmt: skip
    for name in ("documents", "places", "events"):
        frame = pd.read_parquet(out / name)
        assert {"url", "title"} <= set(frame.columns), name
        about = {
            (s, None if pd.isna(u) else u, None if pd.isna(t) else t)  # pandas' strings show a null as NaN
            for s, u, t in zip(frame["source"], frame["url"], frame["title"], strict=True)
        }
        assert about <= expected and {a for a in about if a[1]} == {a for a in expected if a[1]}, name
        first = duckdb.sql(f"SELECT source, url, title FROM read_parquet('{out}/{name}/*/*.parquet')").fetchall()
        assert set(first) == about, name
        whole = pq.read_table(out / name)
        assert whole.schema.names[: len(_schemas()[name])] == _schemas()[name].names, name
    assert len(pd.read_parquet(out / "documents")) == 10
    # the old rows are all still there, with their values
    places = pd.read_parquet(out / "places")
    assert sorted(places.loc[places["url"].isna(), "source"].unique()) == [f"a{n}" for n in range(6)]
    # parts of the current schema are left as they are
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    again = run(str(table), "--format", "parquet", "-o", str(out), "--resume")
    assert "10 done before" in again.stderr and {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == stamps
