"""Queries run in worker processes that are killed at the timeout.

A pyoxigraph query cannot be interrupted from another thread, so a runaway query (a
cross product, a ``*`` path over everything) would pin a thread and a core until it ends.
Each worker is a separate process holding its own read-only store; the server sends it one
query at a time and waits at most ``timeout`` seconds. A worker that does not answer in time
is killed and replaced, which stops the query for certain and frees its memory.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from kg.errors import MlkgError
from kg.query.engine import (
    FederationRefusedError,
    QuerySyntaxError,
    ReadOnlyError,
    execute,
    open_store,
    standard_prefixes,
)
from kg.query.formats import GRAPH_FALLBACK, MEDIA_TYPES, serialize_answer
from kg.query.negotiation import FORMAT_NAMES, acceptable_types, choose_format
from kg.vocab import DEFAULT_BASE


@dataclass(frozen=True)
class QueryRequest:
    """One protocol request: the query, what the client accepts, and the dataset it names."""

    query: str
    accept: str = ""
    format: str = ""  # an explicit ?format= wins over Accept
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class QueryReply:
    status: int
    media_type: str
    body: bytes
    kind: str = ""
    truncated: bool = False


def text_reply(status: int, message: str) -> QueryReply:
    return QueryReply(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"))


def answer_request(store: object, request: QueryRequest, base: str, max_results: int) -> QueryReply:
    """Execute ``request`` on ``store`` and serialise the answer as negotiated (runs in a worker)."""
    try:
        answer = execute(
            store,
            request.query,
            base=base,
            max_results=max_results,  # type: ignore[arg-type]
            default_graphs=request.default_graphs,
            named_graphs=request.named_graphs,
        )
    except QuerySyntaxError as error:
        return text_reply(400, str(error))
    except (ReadOnlyError, FederationRefusedError) as error:
        return text_reply(403, str(error))
    except MlkgError as error:
        return text_reply(500, str(error))
    if request.format:
        fmt = request.format if request.format in FORMAT_NAMES else ""
        if answer.kind == "graph":
            fmt = GRAPH_FALLBACK.get(fmt, fmt)
        elif fmt not in {"json", "xml", "csv", "tsv"}:
            fmt = ""
        if not fmt:
            message = f"unknown or unsuitable format {request.format!r} for a {answer.kind} answer"
            return text_reply(400, message)
    else:
        fmt = choose_format(request.accept, answer.kind) or ""
        if not fmt:
            wanted = ", ".join(acceptable_types(answer.kind))
            message = f"cannot answer in {request.accept!r}; this answer is available as: {wanted}"
            return text_reply(406, message)
    body = serialize_answer(answer, fmt, standard_prefixes(base))
    return QueryReply(200, MEDIA_TYPES[fmt], body, answer.kind, answer.truncated)


def worker_main(conn: Connection, graph_dir: str, base: str, max_results: int) -> None:
    """Serve requests from ``conn`` until it closes; each reply is sent whole."""
    store = open_store(graph_dir)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(answer_request(store, request, base, max_results))


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection


@dataclass
class QueryPool:
    """``size`` worker processes over the store in ``graph_dir``; ``answer`` never waits past the timeout."""

    graph_dir: Path
    size: int = 2
    timeout: float = 10.0
    max_results: int = 10_000
    base: str = DEFAULT_BASE
    _idle: asyncio.Queue[_Worker] | None = field(default=None, init=False)
    _workers: list[_Worker] = field(default_factory=list, init=False)
    _pending: set[asyncio.Task[None]] = field(default_factory=set, init=False)

    def _spawn(self) -> _Worker:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=worker_main,
            args=(child, str(self.graph_dir), self.base, self.max_results),
            name="mlkg-query-worker",
            daemon=True,
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self._workers.append(worker)
        return worker

    async def start(self) -> None:
        open_store(self.graph_dir)  # fail now, with a clear message, rather than in a worker
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            self._idle.put_nowait(await asyncio.to_thread(self._spawn))

    async def answer(self, request: QueryRequest) -> QueryReply:
        if self._idle is None:
            raise MlkgError("the query pool is not started")
        worker = await self._idle.get()
        try:
            worker.conn.send(request)
            ready = await asyncio.to_thread(worker.conn.poll, self.timeout)
            if ready:
                reply: QueryReply = worker.conn.recv()
                self._idle.put_nowait(worker)
                return reply
        except (EOFError, OSError):
            self._retire(worker)
            return text_reply(
                500, "the query worker stopped unexpectedly (out of memory?); it has been restarted"
            )
        self._retire(worker)
        return text_reply(
            503,
            f"query timed out after {self.timeout:g} s and was stopped; "
            "narrow it (a LIMIT, more specific patterns) or start the server with a larger --timeout",
        )

    def _retire(self, worker: _Worker) -> None:
        """Kill ``worker`` and start its replacement in the background."""
        worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        self._workers.remove(worker)
        task = asyncio.get_running_loop().create_task(self._replace())
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def _replace(self) -> None:
        worker = await asyncio.to_thread(self._spawn)
        assert self._idle is not None
        self._idle.put_nowait(worker)

    def close(self) -> None:
        for worker in list(self._workers):
            worker.process.kill()
            worker.process.join(timeout=5)
            worker.conn.close()
        self._workers.clear()
