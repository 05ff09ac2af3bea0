"""`kg serve`: a read-only SPARQL endpoint and query page over the built graph."""

from __future__ import annotations

import argparse
import socket
import sys

from kg.errors import MlkgError
from kg.resources import DEFAULT_OUTPUT_DIR


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "serve",
        help="serve the built graph as a read-only SPARQL 1.1 endpoint with a query page",
        description=(
            "SPARQL 1.1 Protocol endpoint at /sparql and a query page at /, over the store 'kg build' wrote."
        ),
    )
    add = parser.add_argument
    add("--graph", default=str(DEFAULT_OUTPUT_DIR), help="build output directory (default: outputs)")
    add("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    add("--port", type=int, default=7878, help="port (default: 7878)")
    add("--timeout", type=float, default=10.0, help="seconds a query may run before it is stopped")
    add("--max-results", type=int, default=10_000, help="rows or triples returned at most per query")
    add("--workers", type=int, default=2, help="query worker processes (queries run in parallel)")
    parser.set_defaults(func=run)


def ensure_can_listen(host: str, port: int) -> None:
    """Fail with one clear line when the address is taken, before any worker starts."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        raise MlkgError(f"cannot listen on {host}:{port}: {error.strerror or error}") from error


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from kg.query.engine import open_store
    from kg.query.server import create_app

    if args.timeout <= 0 or args.max_results <= 0 or args.workers <= 0:
        raise MlkgError("--timeout, --max-results and --workers must be positive")
    if not 0 <= args.port < 65536:
        raise MlkgError(f"--port must be between 0 (any free port) and 65535, got {args.port}")
    open_store(args.graph)  # a missing store is reported here, before the server starts
    ensure_can_listen(args.host, args.port)
    app = create_app(args.graph, timeout=args.timeout, max_results=args.max_results, workers=args.workers)
    if args.host not in {"127.0.0.1", "localhost", "::1"}:
        print(f"kg serve: warning: listening on {args.host}, reachable from other machines", file=sys.stderr)
    where = f"http://{args.host}:{args.port}"
    print(f"kg serve: SPARQL endpoint {where}/sparql , query page {where}/", file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
