"""Many documents: the inputs of a batch as a stream of work items, one pure function from an item
to its records, and that function run in a loop, in a process pool or on a Dask cluster.

The unit of work is `extract_item(item, settings) -> Result`: the item (an article file, a row of an
article table, a file of geomap's own records) and the settings are plain, picklable values; the
gazetteer and the event lexicon are opened once per process (`_resources`, a per-process cache) and
only read. `run` hands chunks of items to `extract_many` and yields the results in input order, so
the records of `--jobs 2` are byte for byte those of `--jobs 1`; at most a few chunks per worker are
in flight, so the parent's memory does not grow with the batch.

>>> settings = Settings(reader="rules")
>>> items = [Item("a", text="Arms left Pyongyang for Russia."), Item("b", text=" ")]
>>> [(r.id, [p["name"] for rec in r.records for p in rec["places"]], r.error) for r in run(items, settings)]
[('a', ['Pyongyang', 'Russia'], None), ('b', [], 'is empty: no text to read')]

The same function runs as Dask bag partitions, with no change:
`db.from_sequence(items, npartitions=8).map_partitions(extract_many, settings)`.
"""

from __future__ import annotations

import collections
import contextlib
import csv
import datetime as dt
import functools
import glob
import itertools
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from geomap.errors import GeomapError, InputError
from geomap.output import OutputError

TABLE_SUFFIXES = (".jsonl", ".csv", ".parquet")
ENGINES = ("local", "dask")
POOL_CHUNK = 32  # articles a process pool's task carries; a batch of one chunk runs in this process
STREAMED_FORMATS = ("jsonl", "parquet")  # written record by record; the others are written whole at the end


FIELD_ROLES = ("id", "date", "url", "title")  # the columns besides the text, each with its --ROLE-field option


@dataclass(frozen=True)
class Fields:
    """The columns of an article table: its text, its id (a record's `source`), its date, and the
    article's url and title (kept in its record). Only the text column must be there; a column whose
    role is in `named` (the user named it: `--url-field link`) must be there too."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    url: str = "url"
    title: str = "title"
    named: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.named <= set(FIELD_ROLES):
            raise InputError(f"named fields must be some of {', '.join(FIELD_ROLES)}, not {sorted(self.named)}")


@dataclass(frozen=True)
class Settings:
    """What every worker needs to open its resources once: small and picklable. `reader` is
    "rules" or "syntax" (resolved once, in the parent); `date` is the default document date."""

    gazetteer_files: tuple[str, ...] = ()
    country_point: str = "label"
    event_types: str | None = None
    reader: str = "rules"
    date: str | None = None
    include_text: bool = False
    as_json: bool = False  # records as JSON text, written by the worker (a JSONL sink writes them as they are)


@dataclass(frozen=True)
class Item:
    """One unit of work: an article's `text`, or a file at `path` (an article, or geomap's records)
    read by the worker; `error` marks an input that failed before any work (a row without text).
    `url` and `title` are an article table's, passed into the record as they are."""

    id: str
    text: str | None = None
    path: str | None = None
    date: str | None = None
    error: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Result:
    """What one item gave: its records (`Document.to_dict()`, or its JSON text with `as_json`), or
    the reason it failed."""

    id: str
    records: tuple[dict[str, Any] | str, ...] = ()
    error: str | None = None


# --- The work: one item to its records -----------------------------------------------------------


@functools.cache
def _resources(settings: Settings) -> tuple[Any, Any]:
    """The gazetteer and the lexicon, opened once per process and shared read-only by its items."""
    from geomap.events import load_lexicon
    from geomap.gazetteer import Gazetteer

    gazetteer = Gazetteer(user_files=settings.gazetteer_files, country_point=settings.country_point)  # type: ignore[arg-type]
    lexicon = load_lexicon(settings.event_types)
    if settings.reader == "syntax":
        from geomap.syntax import load_model

        load_model()
    return gazetteer, lexicon


def warm(settings: Settings) -> None:
    """Open a worker's resources before its first item (a process pool's initializer). Ctrl-C is
    left to the parent, which stops the pool and keeps what is done."""
    import signal

    if _main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _resources(settings)
    _freeze()


def _freeze() -> None:
    """Leave what this process holds now out of the garbage collector's full collections: a worker's
    modules, gazetteer and lexicon, kept to its end. A full collection comes every few hundred
    articles and walked all of them: 13-15 ms in a pool's worker, 6 ms frozen (35 ms in a Dask
    worker, which holds distributed too)."""
    import gc

    gc.freeze()


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def extract_item(item: Item, settings: Settings) -> Result:
    """The records of one item, or the reason it failed (a GeomapError's message; a bug's type and
    message, so that one odd document does not sink a batch)."""
    if item.error is not None:
        return Result(item.id, error=item.error)
    try:
        from geomap.document import extract, read_documents

        gazetteer, lexicon = _resources(settings)
        date = item.date or settings.date
        if item.text is not None:
            if not item.text.strip():
                raise InputError("is empty: no text to read")
            documents = [
                extract(
                    item.text,
                    date=date,
                    gazetteer=gazetteer,
                    source=item.id,
                    lexicon=lexicon,
                    reader=settings.reader,
                    url=item.url,
                    title=item.title,
                )
            ]
        else:
            assert item.path is not None
            documents = read_documents(
                item.path, gazetteer=gazetteer, date=date, lexicon=lexicon, reader=settings.reader
            )
        records = [d.to_dict(include_text=settings.include_text) for d in documents]
        if settings.as_json:  # the parent, which all workers feed, only writes the line
            return Result(item.id, tuple(json.dumps(r, ensure_ascii=False) for r in records))
        return Result(item.id, tuple(records))
    except GeomapError as e:
        return Result(item.id, error=str(e))
    except Exception as e:  # a bug met by one document: reported with it, the batch goes on
        return Result(item.id, error=f"internal error, please report it: {type(e).__name__}: {e}")


def extract_many(items: Iterable[Item], settings: Settings) -> list[Result]:
    """`extract_item` over a chunk of items: a pool's task, a Dask partition."""
    return [extract_item(item, settings) for item in items]


# --- Running it: a loop, a process pool, or a Dask cluster ----------------------------------------


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(
    items: Iterable[Item],
    settings: Settings,
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    chunk_size: int | None = None,
    cluster_options: dict[str, Any] | None = None,
) -> Iterator[Result]:
    """The results of `items`, in their order. engine "local": `jobs` processes (a
    concurrent.futures pool whose initializer opens the resources), or this process for one job or
    one chunk; engine "dask": a dask.distributed Client on `scheduler` (tcp://…), or on a
    LocalCluster of `jobs` worker processes (`cluster_options` passes others). Items go in chunks of
    `chunk_size` (default 32, and 256 on Dask, whose tasks cost more to schedule)."""
    if engine not in ENGINES:
        raise InputError(f"engine {engine!r} is not one of {', '.join(ENGINES)}")
    if jobs < 1:
        raise InputError(f"jobs must be at least 1, not {jobs}")
    # a Dask task costs the client and a LocalCluster's scheduler (here, on the cores the workers
    # use) a few milliseconds of CPU, far more than a pool's: tasks of 128 articles, not 32, took the
    # parent 2.7 s of CPU over 10,000 articles, not 3.4; of 256 (0.4 s of work each), a Dask run took
    # 1.16x the time of --jobs 2, not 1.19x (four alternating runs each, load 1.4-1.8)
    # a pool's task costs the parent a pickled call, a wake-up write and a result to unpickle: tasks
    # of 32 articles, not 8, took the parent's CPU over 10,000 articles from 0.75-0.80 s to 0.48-0.55 s
    # (the parent shares the two cores with the workers); the last task is still only ~30 ms of work
    chunks = _chunks(items, chunk_size or (256 if engine == "dask" else POOL_CHUNK))
    if engine == "local":
        head = list(itertools.islice(chunks, 2))
        if jobs == 1 or len(head) < 2:  # one job, or too little work to be worth starting processes
            for chunk in itertools.chain(head, chunks):
                yield from extract_many(chunk, settings)
            return
        chunks = itertools.chain(head, chunks)
    with _executor(engine, jobs, settings, scheduler, cluster_options) as (executor, workers):
        yield from _ordered(executor, chunks, settings, window=4 * workers)


def prepare(engine: str, scheduler: str | None = None) -> None:
    """Start what `run` on `engine` will need, in the background, before the caller's own work (a
    command reading its inputs): on a LocalCluster, the fork server its workers come from, which
    imports distributed. `run` starts it anyway, later."""
    if engine == "dask" and not scheduler:
        _forkserver(_DASK_PRELOAD)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _ordered(executor: Any, chunks: Iterator[list[Item]], settings: Settings, *, window: int) -> Iterator[Result]:
    """Submit chunks while fewer than `window` are in flight; yield the oldest's results first."""
    pending: collections.deque[Any] = collections.deque()
    try:
        for chunk in chunks:
            pending.append(executor.submit(extract_many, chunk, settings))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


class _executor:
    """A context giving (an Executor, its number of workers) for an engine, shut down on exit."""

    def __init__(
        self, engine: str, jobs: int, settings: Settings, scheduler: str | None, options: dict[str, Any] | None
    ) -> None:
        self.engine, self.jobs, self.settings, self.scheduler, self.options = engine, jobs, settings, scheduler, options
        self.closing: list[Callable[[], Any]] = []

    def __enter__(self) -> tuple[Any, int]:
        if self.engine == "local":
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            pool = ProcessPoolExecutor(
                self.jobs, mp_context=multiprocessing.get_context(method), initializer=warm, initargs=(self.settings,)
            )
            self.closing.append(lambda: pool.shutdown(wait=True, cancel_futures=True))
            return pool, self.jobs
        # the fork server imports distributed while this process does (two cores at once), and each
        # worker is then forked from it with distributed loaded: 0.43 s to start and stop a
        # LocalCluster of two workers, not 0.70 s with each spawned worker importing it itself
        forked = not self.scheduler and _forkserver(_DASK_PRELOAD)
        try:
            with _kept_to_the_end():
                import logging

                import dask
                from distributed import Client, LocalCluster
        except ImportError:
            raise InputError("--engine dask needs dask.distributed: pip install 'geomap[scale]'") from None
        try:
            # results come from the worker that holds them, not through the scheduler: one hop
            # instead of two, and on a LocalCluster both hops ran in this process
            if self.scheduler:
                # how long to try to reach it is Dask's setting (distributed.comm.timeouts.connect: 30 s)
                client = Client(self.scheduler, direct_to_workers=True)
                ours = False
            else:
                options = {"n_workers": self.jobs, "threads_per_worker": 1, "processes": True}
                options |= {"dashboard_address": None, "silence_logs": logging.ERROR, **(self.options or {})}
                with dask.config.set(_local_cluster_config(forked)):
                    cluster = LocalCluster(**options)
                self.closing.append(cluster.close)
                client = Client(cluster, direct_to_workers=True)
                ours = bool(options["processes"])
            self.closing.insert(0, client.close)
            # every worker opens the gazetteer now, once; a LocalCluster's worker processes are ours
            # to freeze (`_freeze`), a scheduler's workers (or a cluster of threads, here) are not
            client.run(_warm_dask, self.settings, ours)
        except OSError as e:
            self.__exit__()
            raise InputError(f"cannot reach the Dask scheduler {self.scheduler or '(local)'}: {e}") from None
        workers = sum(client.nthreads().values()) or 1
        # pure=False: each task is named at random, not by hashing its arguments; Dask's default
        # pickled and hashed every article of every chunk in this process (about 0.1 ms an article)
        return client.get_executor(pure=False), workers

    def __exit__(self, *exc: Any) -> None:
        for close in self.closing:
            close()
        self.closing = []


def _warm_dask(settings: Settings, freeze: bool) -> None:
    _resources(settings)
    if freeze:
        _freeze()


@contextlib.contextmanager
def _kept_to_the_end() -> Iterator[None]:
    """The body imports distributed: the first time in a process, with the garbage collector off,
    and what is alive then is `_freeze`-d (modules live to the process's end). Collections took
    0.04-0.05 s of the import's 0.25 s; after it, distributed's 60,000 objects made each full
    collection here 35 ms, and the interpreter's collections on exit, after the last record, took
    0.13 s (0.03 s frozen, as without Dask)."""
    import gc

    first, enabled = "distributed" not in sys.modules, gc.isenabled()
    if first:
        gc.disable()
    try:
        yield
    finally:
        if first and "distributed" in sys.modules:
            _freeze()
        if first and enabled:
            gc.enable()


# A LocalCluster is ours, on the cores its workers use: what it does besides running tasks slows
# them. Each worker samples its task's stack every 10 ms (the dashboard's profile, which no one sees
# here); the scheduler looks for work to steal every second (tasks wait on the scheduler until a
# worker is free, so there is none); every process wakes 50 times a second to check that its event
# loop is not blocked, and every half second to measure itself. Settings of a cluster given by
# --scheduler are its own.
_LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.work-stealing": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def _local_cluster_config(forked: bool) -> dict[str, Any]:
    """`_LOCAL_CLUSTER_CONFIG`, and, `forked`, workers forked from the fork server `_forkserver`
    started. Dask's own start of a fork server would import every optional package of distributed
    here first (numpy, pandas, pyarrow, …: 0.5 s) to preload them; its (private) flag that this was
    done is set so that it leaves ours as it is (should the flag go, only that cost comes back)."""
    config = dict(_LOCAL_CLUSTER_CONFIG)
    if forked:
        import distributed.utils

        if hasattr(distributed.utils, "_forkserver_preload_set"):
            distributed.utils._forkserver_preload_set = True
        config["distributed.worker.multiprocessing-method"] = "forkserver"
    return config


# what a LocalCluster's fork server loads before it forks a worker
_DASK_PRELOAD = ("distributed", "geomap.batch")


@functools.cache
def _forkserver(modules: tuple[str, ...]) -> bool:
    """Start multiprocessing's fork server (once a process, where the system has one) importing
    `modules` before it forks anything; it starts in the background, beside this process's own
    work, and processes started by the forkserver method are forked from it, modules loaded.
    Whether it runs."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    from multiprocessing import forkserver

    # ignored if it runs already; geomap._forkserver, first, has what the others load frozen
    multiprocessing.get_context("forkserver").set_forkserver_preload(["geomap._forkserver", *modules])
    forkserver.ensure_running()
    return True


# --- Inputs: files, directories, globs, article tables, standard input -----------------------------


@dataclass(frozen=True)
class Source:
    """One input of a batch: a `file` (an article or records, read by a worker), an article `table`
    (JSONL, CSV or Parquet; rows read here, one at a time), `stdin` (an article) or `stdin-table`."""

    kind: str
    name: str


def plan(
    inputs: Sequence[str],
    *,
    table: bool | None = None,
    fields: Fields = Fields(),
    exclude: Iterable[str] = (),
) -> list[Source]:
    """The sources the command-line inputs name: a directory is searched recursively for articles
    (.txt, .md, .html; hidden files left out), in name order; a name that is no file but holds `*`,
    `?` or `[` is a glob (`**` recurses); `-` is standard input. A .jsonl, .csv or .parquet file is an
    article table when `table` is True, or, when None, when its content says so: a Parquet file
    always; a CSV whose header has the text column but does not start with `row` (geomap's records)
    nor name an `origin` (a CSV of events); a JSONL whose first object has the text field but no
    `schema_version` or `places`. Anything else is read as geomap's own records.
    InputError for a directory with no article, a glob that matches nothing, a table without its
    text column. `exclude` (the output) is never read."""
    from geomap.text import HTML_SUFFIXES, TEXT_SUFFIXES

    skip = {os.path.realpath(p) for p in exclude if p and p != "-"}
    sources: list[Source] = []
    for name in inputs:
        if name == "-":
            sources.append(Source("stdin-table" if table else "stdin", "-"))
            continue
        if os.path.isdir(name):
            found = [
                p
                for p in _walk(name)
                if p.lower().endswith(TEXT_SUFFIXES + HTML_SUFFIXES) and os.path.realpath(p) not in skip
            ]
            if not found:
                raise InputError(f"{name}: directory holds no article (.txt, .md, .html)")
            sources += [Source("file", p) for p in found]
            continue
        paths = [name]
        if not os.path.lexists(name) and any(c in name for c in "*?["):
            paths = sorted(p for p in glob.glob(name, recursive=True) if os.path.isfile(p))
            if not paths:
                raise InputError(f"{name}: no file matches")
        for path in paths:
            if os.path.realpath(path) in skip and path != name:
                continue
            kind = "table" if _is_table(path, table, fields) else "file"
            sources.append(Source(kind, path))
    return sources


def _walk(directory: str) -> Iterator[str]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def _is_table(path: str, table: bool | None, fields: Fields) -> bool:
    suffix = Path(path).suffix.lower()
    if suffix not in TABLE_SUFFIXES or table is False:
        return False
    if suffix == ".parquet" or table:
        _check_columns(path, fields)
        return True
    try:
        if suffix == ".csv":
            with open(path, newline="", encoding="utf-8-sig") as f:
                header = next(csv.reader(f), [])
            return fields.text in header and header[:1] != ["row"] and "origin" not in header
        with open(path, "rb") as f:
            for line in f:
                if line.strip():
                    first = json.loads(line)
                    break
            else:
                return False
        return isinstance(first, dict) and fields.text in first and not {"schema_version", "places"} & first.keys()
    except (OSError, UnicodeDecodeError, ValueError, csv.Error):
        return False  # read as records, whose reader names the problem


def _check_columns(path: str, fields: Fields) -> None:
    """InputError unless the table at `path` has the text column and every column the user named
    (the header of a CSV, the schema of a Parquet file, the first row of a JSONL)."""
    suffix = Path(path).suffix.lower()
    try:
        if suffix == ".parquet":
            columns = _parquet_file(path).schema_arrow.names
        elif suffix == ".csv":
            with open(path, newline="", encoding="utf-8-sig") as f:
                columns = next(csv.reader(f), [])
        else:
            columns = []
            with open(path, "rb") as f:
                for line in f:
                    if line.strip():
                        first = json.loads(line)
                        columns = list(first) if isinstance(first, dict) else []
                        break
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror}") from None
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text (byte {e.start})") from None
    except (ValueError, csv.Error) as e:
        raise InputError(f"{path}: not readable as an article table: {' '.join(str(e).split())}") from None
    has = ", ".join(map(repr, columns[:12])) or "none"
    if fields.text not in columns:
        raise InputError(
            f"{path}: no {fields.text!r} column, the articles' text (--text-field names another); it has {has}"
        )
    for role in FIELD_ROLES:
        name = getattr(fields, role)
        if role in fields.named and name not in columns:
            raise InputError(f"{path}: no {name!r} column, named by --{role}-field; it has {has}")


def _parquet_file(path: str) -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(f"{path}: reading Parquet needs pyarrow: pip install 'geomap[scale]'") from None
    try:
        return pq.ParquetFile(path)
    except OSError as e:
        raise InputError(f"{path}: cannot read: {' '.join(str(e).split())}") from None


def count(sources: Sequence[Source]) -> int | None:
    """How many items the sources hold, when that is cheap to know (files; JSONL and Parquet
    tables), else None."""
    total = 0
    for source in sources:
        if source.kind in ("file", "stdin"):
            total += 1
        elif source.kind == "table" and source.name.lower().endswith(".parquet"):
            total += _parquet_file(source.name).metadata.num_rows
        elif source.kind == "table" and source.name.lower().endswith(".jsonl"):
            try:
                with open(source.name, "rb") as f:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
            except OSError:
                return None
        else:
            return None
    return total


def items(
    sources: Iterable[Source],
    *,
    fields: Fields = Fields(),
    skip: frozenset[str] | set[str] = frozenset(),
    stdin: IO[bytes] | None = None,
) -> Iterator[Item]:
    """The work items of the sources, read lazily (a table a row at a time); items whose id is in
    `skip` (finished by an earlier run) are left out."""
    from geomap.text import decode_article

    for source in sources:
        if source.kind == "file":
            rows: Iterable[Item] = [Item(source.name, path=source.name)]
        elif source.kind == "stdin":
            raw = (stdin or sys.stdin.buffer).read()
            try:
                rows = [Item("-", text=decode_article(raw, "standard input"))]
            except InputError as e:
                rows = [Item("-", error=str(e))]
        elif source.kind == "stdin-table":
            rows = _jsonl_rows(stdin or sys.stdin.buffer, "standard input", fields)
        elif source.name.lower().endswith(".csv"):
            rows = _csv_rows(source.name, fields)
        elif source.name.lower().endswith(".parquet"):
            rows = _parquet_rows(source.name, fields)
        else:
            rows = _jsonl_file_rows(source.name, fields)
        for item in rows:
            if item.id not in skip:
                yield item


def _row_item(row: Any, where: str, fields: Fields) -> Item:
    """The item of one table row (a dict), its id the id field or, without one, FILE:LINE."""
    if not isinstance(row, dict):
        return Item(where, error=f"{where}: expected an object with a {fields.text!r} field")
    raw_id = row.get(fields.id)
    ident = where if raw_id is None or raw_id == "" else str(raw_id)
    text = row.get(fields.text)
    if not isinstance(text, str):
        got = "nothing" if text is None else type(text).__name__
        return Item(ident, error=f"{where}: {fields.text}: expected the article's text, got {got}")
    try:
        date = _iso_date(row.get(fields.date))
    except InputError as e:
        return Item(ident, error=f"{where}: {fields.date}: {e}")
    about: dict[str, str | None] = {}
    for name in (fields.url, fields.title):
        try:
            about[name] = _cell_text(row.get(name))
        except InputError as e:
            return Item(ident, error=f"{where}: {name}: {e}")
    return Item(ident, text=text, date=date, url=about[fields.url], title=about[fields.title])


def _cell_text(value: Any) -> str | None:
    """A url or title cell as one line of text (runs of white space made one space), or None when
    empty; a number is written as text. InputError for anything else (a list, an object, true).

    >>> _cell_text("  North Korea  airlifts arms "), _cell_text(""), _cell_text(None), _cell_text(1984)
    ('North Korea airlifts arms', None, None, '1984')
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InputError(f"expected text, got {type(value).__name__}")
    return " ".join(str(value).split()) or None


_DATE_START = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])")


def _iso_date(value: Any) -> str | None:
    """YYYY-MM-DD from a table's date cell: a date, a datetime, or text starting with an ISO date."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    match = _DATE_START.match(str(value).strip())
    if match:
        try:
            return dt.date.fromisoformat(match.group(1)).isoformat()
        except ValueError:
            pass
    raise InputError(f"{str(value)[:40]!r} is not a date of the form YYYY-MM-DD")


def _jsonl_file_rows(path: str, fields: Fields) -> Iterator[Item]:
    try:
        f = open(path, "rb")  # noqa: SIM115 (closed below, after the rows are read)
    except OSError as e:
        yield Item(path, error=f"{path}: cannot read: {e.strerror}")
        return
    with f:
        yield from _jsonl_rows(f, path, fields)


def _jsonl_rows(f: IO[bytes], where: str, fields: Fields) -> Iterator[Item]:
    from geomap.schema import load_json

    for n, line in enumerate(f, start=1):
        if not line.strip():
            continue
        here = f"{where}:{n}"
        try:
            row = load_json(line.decode("utf-8-sig" if n == 1 else "utf-8"), here)
        except UnicodeDecodeError as e:
            yield Item(here, error=f"{here}: not UTF-8 text (byte {e.start})")
            continue
        except InputError as e:  # one line of JSON: its line number is the table's
            yield Item(here, error=str(e).replace(f"{here}:1:", f"{here}:", 1))
            continue
        yield _row_item(row, here, fields)


def _csv_rows(path: str, fields: Fields) -> Iterator[Item]:
    csv.field_size_limit(1 << 30)  # an article is longer than the csv module's default of 128 KB
    line = 1
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            for row in reader:
                yield _row_item(row, f"{path}:{line + 1}", fields)
                line = reader.line_num
    except OSError as e:
        yield Item(path, error=f"{path}: cannot read: {e.strerror}")
    except UnicodeDecodeError as e:
        yield Item(f"{path}:{line + 1}", error=f"{path}: not UTF-8 text (byte {e.start}); the rest of it is not read")
    except csv.Error as e:
        yield Item(f"{path}:{line + 1}", error=f"{path}:{line + 1}: not readable as CSV: {e}; the rest is not read")


def _parquet_rows(path: str, fields: Fields) -> Iterator[Item]:
    parquet = _parquet_file(path)
    wanted = (fields.id, fields.text, fields.date, fields.url, fields.title)
    columns = [c for c in dict.fromkeys(wanted) if c in parquet.schema_arrow.names]
    n = 0
    for batch in parquet.iter_batches(batch_size=256, columns=columns):
        for row in batch.to_pylist():
            n += 1
            yield _row_item(row, f"{path}:{n}", fields)


# --- Outputs: streamed (JSONL, Parquet) or written whole at the end --------------------------------


RECORD_START = b'{"schema_version"'  # how every JSONL line geomap writes begins


class JsonlSink:
    """JSONL written as records come: a record is one line; lines gather and are handed to the system
    in one write when 64 KB have gathered or a record comes a quarter of a second or more after the
    last write, and at the end, so a killed run leaves the records written before it (at worst a torn
    last line, which `finished` cuts off; `--resume` does the rest again); synced to the disk at most
    a second apart and at the end. Unlike the whole-file formats this file is not
    replaced atomically: streaming means the old file is overwritten (or, with `resume`, appended
    to) from the first record on. Nothing is opened until there is a record."""

    FLUSH_BYTES, FLUSH_SECONDS = 65536, 0.25  # one write a record cost 10% of a two-worker run's time

    def __init__(self, path: str | None, *, resume: bool = False, stdout: Callable[[str], None] | None = None) -> None:
        self.path, self.resume, self.stdout = path, resume, stdout
        self.file: IO[bytes] | None = None
        self.synced = self.flushed = 0.0
        self.pending: list[bytes] = []
        self.size = 0

    def finished(self) -> set[str]:
        """The sources of the records already in the file (its torn last line cut off first)."""
        if not self.path or self.path == "-" or not os.path.isfile(self.path):
            return set()
        done = set()
        try:
            with open(self.path, "r+b") as f:
                end = 0
                for line in f:
                    if not line.endswith(b"\n"):  # a torn last record, or something that is no record
                        if not (line.startswith(RECORD_START) or RECORD_START.startswith(line)):
                            message = f"{self.path}: ends in {line[:40]!r}, not a geomap record; cannot resume"
                            raise InputError(message)
                        break
                    end += len(line)
                    try:
                        done.add(json.loads(line)["source"])
                    except (ValueError, KeyError, TypeError):
                        message = f"{self.path}: line {line[:40]!r}: not a geomap record; cannot resume"
                        raise InputError(message) from None
                f.truncate(end)
        except OSError as e:
            raise OutputError(f"{self.path}: cannot read to resume: {e.strerror}") from None
        return done

    def add(self, record: dict[str, Any] | str) -> None:
        line = (record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)) + "\n"
        if self.path is None or self.path == "-":
            (self.stdout or sys.stdout.write)(line)
            return
        import time

        try:
            if self.file is None:
                Path(os.path.realpath(self.path)).parent.mkdir(parents=True, exist_ok=True)
                self.file = open(self.path, "ab" if self.resume else "wb", buffering=0)  # noqa: SIM115
                self.flushed = time.monotonic()
            data = line.encode("utf-8")
            self.pending.append(data)
            self.size += len(data)
            now = time.monotonic()
            if self.size >= self.FLUSH_BYTES or now - self.flushed >= self.FLUSH_SECONDS:
                self._flush(now)
            if now - self.synced > 1.0:
                self._sync()
        except IsADirectoryError:
            raise OutputError(f"{self.path}: is a directory; give a file name") from None
        except OSError as e:
            raise OutputError(f"{self.path}: cannot write: {e.strerror}") from None

    def _flush(self, now: float) -> None:
        """Hand the pending lines to the system in one write."""
        if self.pending:
            self.file.write(b"".join(self.pending))  # type: ignore[union-attr]
            self.pending, self.size = [], 0
        self.flushed = now

    def _sync(self) -> None:
        import time

        self._flush(time.monotonic())
        self.synced = time.monotonic()
        with contextlib.suppress(OSError):  # a pipe or a device: nothing to sync
            os.fsync(self.file.fileno())  # type: ignore[union-attr]

    def close(self) -> None:
        if self.file is not None:
            try:
                self._sync()
                self.file.close()
            except OSError as e:
                raise OutputError(f"{self.path}: cannot write: {e.strerror}") from None
            finally:
                self.file = None


class WholeSink:
    """json, geojson or csv: the records kept until the end, then written atomically (the file is
    the whole new output or the old one untouched); nothing is written when no record came."""

    def __init__(self, path: str | None, fmt: str, *, write: Callable[[str | None, str], None]) -> None:
        self.path, self.fmt, self.write = path, fmt, write
        self.records: list[dict[str, Any]] = []

    def finished(self) -> set[str]:
        return set()

    def add(self, record: dict[str, Any]) -> None:
        self.records.append(record)

    def close(self) -> None:
        from geomap.output import render_records

        if self.records:
            self.write(self.path, render_records(self.records, self.fmt))
            self.records = []

    def discard(self) -> None:
        self.records = []


def open_sink(
    output: str | None,
    fmt: str,
    *,
    resume: bool = False,
    write: Callable[[str | None, str], None] | None = None,
    stdout: Callable[[str], None] | None = None,
) -> Any:
    """The sink of a format: `add(record)`, `close()`, and `finished()` (the ids done before, with
    `resume`). `write(path, text)` writes a whole output (default: atomically, or to standard output)."""
    if resume and fmt not in STREAMED_FORMATS:
        raise InputError(f"--resume works with the streamed formats ({', '.join(STREAMED_FORMATS)}), not {fmt}")
    if resume and (output is None or output == "-"):
        raise InputError("--resume needs the output file (-o) to continue")
    if fmt == "jsonl":
        return JsonlSink(output, resume=resume, stdout=stdout)
    if fmt == "parquet":
        if output is None or output == "-":
            raise InputError("--format parquet writes a directory: give it with -o DIR")
        from geomap.parquet import ParquetSink

        return ParquetSink(output, resume=resume)
    return WholeSink(output, fmt, write=write or _write_whole)


def _write_whole(path: str | None, text: str) -> None:
    from geomap.output import write_atomic

    if path and path != "-":
        write_atomic(path, text)
    else:
        sys.stdout.write(text)
