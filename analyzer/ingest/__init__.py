"""Ingestion: a letter's bytes -> :class:`~analyzer.types.Document`.

``read`` sniffs the type from the bytes (never the file name), applies the limits in
:class:`Limits`, and turns every failure into an :class:`~analyzer.types.InputError` whose
message names the file: no traceback ever leaves this package for a bad file.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from analyzer.ingest.limits import Deadline, Limits
from analyzer.types import Document, InputError

__all__ = ["Limits", "read", "sniff"]

_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")


def read(source: str | Path | bytes, name: str | None = None, limits: Limits | None = None) -> Document:
    """Read a letter from a path or from its bytes.  Raises ``InputError`` (see docs/architecture.md)."""
    limits = limits or Limits()
    data, name = _load(source, name, limits)
    deadline = Deadline(name, limits.timeout_s)
    kind = sniff(data, name)
    try:
        if kind == "pdf":
            from analyzer.ingest.pdf import read_pdf

            return read_pdf(data, name, limits, deadline)
        if kind == "docx":
            from analyzer.ingest.docx import read_docx

            return read_docx(data, name, limits, deadline)
        from analyzer.ingest.text import read_text

        return read_text(data, name, limits, deadline)
    except InputError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise InputError("corrupt", f"{name}: the file is malformed ({type(exc).__name__}).") from None
    except Exception as exc:  # noqa: BLE001 - parsers raise anything on hostile input
        what = {"pdf": "PDF", "docx": "DOCX"}.get(kind, "text file")
        raise InputError("corrupt", f"{name}: the {what} is damaged and cannot be read "
                         f"({type(exc).__name__}).") from None


def _load(source: str | Path | bytes, name: str | None, limits: Limits) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = name or "<bytes>"
    else:
        path = Path(source)
        name = name or str(source)
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise InputError("not_found", f"{name}: not a file.")
        except (FileNotFoundError, NotADirectoryError, ValueError):  # ValueError: NUL in the path
            raise InputError("not_found", f"{name}: no such file.") from None
        except OSError as exc:
            raise InputError("not_found", f"{name}: cannot be opened ({exc.strerror}).") from None
        if size > limits.max_bytes:
            raise _too_large(name, size, limits)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError("not_found", f"{name}: cannot be read ({exc.strerror}).") from None
    if not data:
        raise InputError("empty", f"{name}: the file is empty (0 bytes).")
    if len(data) > limits.max_bytes:
        raise _too_large(name, len(data), limits)
    return data, name


def _too_large(name: str, size: int, limits: Limits) -> InputError:
    return InputError("too_large", f"{name}: {size / 1048576:.1f} MB; the limit is "
                      f"{limits.max_bytes / 1048576:.0f} MB.")


def sniff(data: bytes, name: str = "<bytes>") -> str:
    """``"pdf"``, ``"docx"`` or ``"text"`` from the bytes; ``unsupported_type`` otherwise."""
    if b"%PDF-" in data[:1024]:  # readers accept junk before the header; so do we
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except Exception as exc:  # noqa: BLE001 - zipfile raises NotImplementedError, EOFError, ...
            raise InputError("corrupt", f"{name}: a damaged ZIP/DOCX archive ({type(exc).__name__}).") from None
        if "word/document.xml" in names:
            return "docx"
        raise InputError("unsupported_type", f"{name}: a ZIP archive, not a PDF, DOCX or text letter.")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError("unsupported_type", f"{name}: an old Word .doc (or other Office) file; "
                         "save it as DOCX or PDF.")
    if data.startswith(_IMAGES):
        raise InputError("unsupported_type", f"{name}: an image, not a letter; save the scan as a PDF "
                         "with text recognition (OCR).")
    if data.startswith(b"{\\rtf"):
        raise InputError("unsupported_type", f"{name}: an RTF file; save it as DOCX or PDF.")
    return "text"
