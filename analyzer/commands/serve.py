"""``offercheck serve``: the local web page on 127.0.0.1 (never another interface)."""

from __future__ import annotations

import argparse
import sys

HOST = "127.0.0.1"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    parser.add_argument("--max-upload-mb", type=int, default=10, help="largest letter accepted (default: 10)")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from analyzer.web import MB, create_app

    if not 0 < args.port < 65536 or args.max_upload_mb < 1:
        print("offercheck serve: --port must be 1-65535 and --max-upload-mb at least 1", file=sys.stderr)
        return 2
    app = create_app(max_upload=args.max_upload_mb * MB)
    print(f"offercheck: open http://{HOST}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(app, host=HOST, port=args.port, log_level="warning", server_header=False)
    return 0
