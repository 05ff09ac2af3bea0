"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint and a query page, as a Starlette app.

Routes: ``/sparql`` (GET ``?query=``, POST form or ``application/sparql-query``; answers
negotiated from ``Accept`` or forced with ``?format=``), ``/`` (the query page; ``?query=``
runs a query, ``?example=NAME`` loads a saved question), ``/kg.html`` (the graph view from
the build directory). Updates are refused with 403 before any worker sees them; queries run
in worker processes that are killed at the timeout (see :mod:`kg.query.pool`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from kg.query.engine import FederationRefusedError, ReadOnlyError, check_allowed, standard_prefixes
from kg.query.library import load_library
from kg.query.page import answer_html, error_html, render_page
from kg.query.pool import QueryPool, QueryReply, QueryRequest, text_reply
from kg.vocab import DEFAULT_BASE

FORM = "application/x-www-form-urlencoded"
PAGE_ACCEPT = "application/sparql-results+json, application/n-triples"
MAX_BODY = 1_000_000  # bytes of query text accepted in a POST
UPDATE_REFUSED = (
    "SPARQL Update is not allowed: this endpoint is read-only (rebuild the graph with 'kg build')\n"
)


def _reply_response(reply: QueryReply, max_results: int) -> Response:
    headers = {"Cache-Control": "no-store"}
    if reply.truncated:
        headers["X-Mlkg-Truncated"] = f"true; cap={max_results}"
    return Response(reply.body, status_code=reply.status, media_type=reply.media_type, headers=headers)


def _refusal(query: str) -> QueryReply | None:
    try:
        check_allowed(query)
    except (ReadOnlyError, FederationRefusedError) as error:
        return text_reply(403, str(error))
    return None


async def _protocol_params(request: Request) -> dict[str, list[str]] | Response:
    """Query-string parameters merged with a POSTed form or query body (SPARQL 1.1 Protocol 2.1)."""
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    if request.method != "POST":
        return params
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if len(body) > MAX_BODY:
        return PlainTextResponse("request body too large\n", status_code=413)
    text = body.decode("utf-8", "replace")
    if content_type == FORM:
        for key, values in parse_qs(text, keep_blank_values=True).items():
            params.setdefault(key, []).extend(values)
    elif content_type == "application/sparql-query":
        params["query"] = [text]
    elif content_type == "application/sparql-update":
        params["update"] = [text]
    else:
        return PlainTextResponse(
            "POST a form (application/x-www-form-urlencoded) or application/sparql-query\n", status_code=415
        )
    return params


def create_app(
    graph_dir: Path,
    *,
    timeout: float = 10.0,
    max_results: int = 10_000,
    workers: int = 2,
    base: str = DEFAULT_BASE,
) -> Starlette:
    """The endpoint over ``graph_dir/store`` (a ``kg build`` output directory)."""
    graph_dir = Path(graph_dir)
    pool = QueryPool(graph_dir, size=workers, timeout=timeout, max_results=max_results, base=base)
    library = load_library()
    prefixes = standard_prefixes(base)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            pool.close()

    async def sparql(request: Request) -> Response:
        params = await _protocol_params(request)
        if isinstance(params, Response):
            return params
        if "update" in params:
            return PlainTextResponse(UPDATE_REFUSED, status_code=403)
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            message = "give exactly one 'query' parameter (SPARQL 1.1 Protocol)\n"
            return PlainTextResponse(message, status_code=400)
        refusal = _refusal(queries[0])
        if refusal is not None:
            return _reply_response(refusal, max_results)
        reply = await pool.answer(
            QueryRequest(
                query=queries[0],
                accept=request.headers.get("accept", ""),
                format=(params.get("format") or [""])[0],
                default_graphs=tuple(params.get("default-graph-uri", [])),
                named_graphs=tuple(params.get("named-graph-uri", [])),
            )
        )
        return _reply_response(reply, max_results)

    async def page(request: Request) -> Response:
        query = request.query_params.get("query", "")
        example = request.query_params.get("example", "")
        results = ""
        if example:
            if example in library:
                query = library[example].text
            else:
                results = error_html(404, f"no saved question named {example!r}")
        if query.strip():
            reply = _refusal(query) or await pool.answer(QueryRequest(query=query, accept=PAGE_ACCEPT))
            results = answer_html(reply.status, reply.media_type, reply.body, reply.truncated, prefixes)
        html = render_page(
            query=query or (library["top-datasets"].text if "top-datasets" in library else ""),
            results=results,
            library=library,
            prefixes=prefixes,
            timeout=timeout,
            max_results=max_results,
            has_graph_view=(graph_dir / "kg.html").is_file(),
        )
        return HTMLResponse(html, headers={"Cache-Control": "no-store"})

    async def graph_view(request: Request) -> Response:
        path = graph_dir / "kg.html"
        if not path.is_file():
            message = f"no graph view in this build ({path.name}): run 'kg build'\n"
            return PlainTextResponse(message, status_code=404)
        return FileResponse(path, media_type="text/html")

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/kg.html", graph_view, methods=["GET"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan)
