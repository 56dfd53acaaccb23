"""The PDFium functions the reader calls, bound with ctypes to the library pypdfium2 ships.

Importing pypdfium2 declares every one of PDFium's C functions (and its helpers import
logging, pathlib, argparse ...): about 200 M instructions, four fifths of what checking a
one-page PDF adds to checking its text (callgrind: 479 M against 248 M).  The reader calls
thirty functions; declaring those on the same shared library costs next to nothing.  The
library is pypdfium2's own (its `pypdfium2_raw` package, located without importing it),
so the PDFium build, its licence and its wheels are pypdfium2's as before.  Where that
package is not laid out as expected, `pypdfium2.raw` (the same names and C types) is
used instead: slower to import, never wrong.
"""

from __future__ import annotations

import ctypes
import os
import sys
from types import SimpleNamespace
from typing import Any

LIBRARY_FILES = ("libpdfium.so", "libpdfium.dylib", "pdfium.dll")
_LOADED: list[Any] = []  # the API, once loaded (PDFium is initialised once per process)


class _Handle(ctypes.Structure):
    """An opaque PDFium object (document, page, text page, page object, font)."""


HANDLE = ctypes.POINTER(_Handle)


class FS_MATRIX(ctypes.Structure):  # PDFium's names
    _fields_ = [(name, ctypes.c_float) for name in "abcdef"]


class FS_RECTF(ctypes.Structure):
    _fields_ = [(name, ctypes.c_float) for name in ("left", "top", "right", "bottom")]


class _Config(ctypes.Structure):
    """FPDF_LIBRARY_CONFIG, version 2 (what pypdfium2 passes)."""

    _fields_ = [("version", ctypes.c_int),
                ("m_pUserFontPaths", ctypes.POINTER(ctypes.c_char_p)),
                ("m_pIsolate", ctypes.c_void_p),
                ("m_v8EmbedderSlot", ctypes.c_uint)]


_c = ctypes
_INT, _ULONG, _FLOAT, _BOOL = _c.c_int, _c.c_ulong, _c.c_float, _c.c_int
_P = _c.POINTER
# name: (restype, argtypes), as declared in PDFium's public headers (fpdfview.h,
# fpdf_text.h, fpdf_edit.h)
SIGNATURES: dict[str, tuple[Any, tuple[Any, ...]]] = {
    "FPDF_InitLibraryWithConfig": (None, (_P(_Config),)),
    "FPDF_LoadMemDocument64": (HANDLE, (_c.c_void_p, _c.c_size_t, _P(_c.c_char))),
    "FPDF_GetLastError": (_ULONG, ()),
    "FPDF_GetPageCount": (_INT, (HANDLE,)),
    "FPDF_LoadPage": (HANDLE, (HANDLE, _INT)),
    "FPDF_ClosePage": (None, (HANDLE,)),
    "FPDF_CloseDocument": (None, (HANDLE,)),
    "FPDF_GetPageWidthF": (_FLOAT, (HANDLE,)),
    "FPDF_GetPageHeightF": (_FLOAT, (HANDLE,)),
    "FPDFText_LoadPage": (HANDLE, (HANDLE,)),
    "FPDFText_ClosePage": (None, (HANDLE,)),
    "FPDFText_CountChars": (_INT, (HANDLE,)),
    "FPDFText_GetText": (_INT, (HANDLE, _INT, _INT, _P(_c.c_ushort))),
    "FPDFText_GetCharOrigin": (_BOOL, (HANDLE, _INT, _P(_c.c_double), _P(_c.c_double))),
    "FPDFText_GetLooseCharBox": (_BOOL, (HANDLE, _INT, _P(FS_RECTF))),
    "FPDFText_GetTextObject": (HANDLE, (HANDLE, _INT)),
    "FPDFText_IsGenerated": (_INT, (HANDLE, _INT)),
    "FPDFPage_CountObjects": (_INT, (HANDLE,)),
    "FPDFPage_GetObject": (HANDLE, (HANDLE, _INT)),
    "FPDFPageObj_GetType": (_INT, (HANDLE,)),
    "FPDFFormObj_CountObjects": (_INT, (HANDLE,)),
    "FPDFFormObj_GetObject": (HANDLE, (HANDLE, _ULONG)),
    "FPDFTextObj_GetText": (_ULONG, (HANDLE, HANDLE, _P(_c.c_ushort), _ULONG)),
    "FPDFPageObj_GetMatrix": (_BOOL, (HANDLE, _P(FS_MATRIX))),
    "FPDFTextObj_GetFontSize": (_BOOL, (HANDLE, _P(_FLOAT))),
    "FPDFPageObj_GetBounds": (_BOOL, (HANDLE, _P(_FLOAT), _P(_FLOAT), _P(_FLOAT), _P(_FLOAT))),
    "FPDFTextObj_GetFont": (HANDLE, (HANDLE,)),
    "FPDFFont_GetBaseFontName": (_c.c_size_t, (HANDLE, _P(_c.c_char), _c.c_size_t)),
    "FPDFFont_GetItalicAngle": (_BOOL, (HANDLE, _P(_INT))),
    "FPDFFont_GetGlyphWidth": (_BOOL, (HANDLE, _c.c_uint32, _FLOAT, _P(_FLOAT))),
}
CONSTANTS = {"FPDF_ERR_PASSWORD": 4, "FPDF_ERR_SECURITY": 5, "FPDF_PAGEOBJ_TEXT": 1,
             "FPDF_PAGEOBJ_FORM": 5}


def load() -> Any:
    """The PDFium API (functions, constants, FS_MATRIX, FS_RECTF, FPDF_WCHAR), loaded and
    initialised once; ImportError when pypdfium2 is not installed."""
    if not _LOADED:
        api = _own()
        if api is None:
            import pypdfium2.raw  # initialises the library on import

            api = pypdfium2.raw
        _LOADED.append(api)
    return _LOADED[0]


def _own() -> Any:
    """Our bindings on pypdfium2's library file, or None where it cannot be found."""
    if "pypdfium2_raw" in sys.modules and sys.modules["pypdfium2_raw"] is None:
        raise ImportError("pypdfium2")  # blocked, as a test does to play "not installed"
    import importlib.util

    try:
        spec = importlib.util.find_spec("pypdfium2_raw")
    except (ImportError, ValueError):
        return None
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    path = next((os.path.join(f, n) for f in folders for n in LIBRARY_FILES
                 if os.path.isfile(os.path.join(f, n))), None)
    if path is None:
        return None
    try:
        library = ctypes.CDLL(path)
        api = SimpleNamespace(**CONSTANTS, FS_MATRIX=FS_MATRIX, FS_RECTF=FS_RECTF,
                              FPDF_WCHAR=ctypes.c_ushort)
        for name, (restype, argtypes) in SIGNATURES.items():
            function = getattr(library, name)
            function.restype = restype
            function.argtypes = argtypes
            setattr(api, name, function)
    except (OSError, AttributeError):  # another build: pypdfium2's own bindings
        return None
    # PDFium ignores a second initialisation (pypdfium2, imported later, makes one)
    api.FPDF_InitLibraryWithConfig(ctypes.byref(_Config(2, None, None, 0)))
    return api
