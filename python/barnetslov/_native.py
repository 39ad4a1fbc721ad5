"""The C library and its functions, declared for ctypes (private to the package).

The library is looked for in this order: the path in the environment variable
BARNETSLOV_LIBRARY; libbarnetslov.so.1 next to this package; the system's loader by soname
(an installed library: /usr/lib, or /usr/local/lib after ldconfig, or LD_LIBRARY_PATH). The
package itself is pure Python: a wheel holds no library, so that one libbarnetslov.so.1 serves
the C, Python and Java callers of a machine.
"""
import ctypes
import os
from pathlib import Path

# The oldest library with every function declared below (MAJOR * 10000 + MINOR * 100 + PATCH:
# 0.2.0), checked against bl_version_number() at import. A floor, not the version: it moves only
# when the binding declares a function a newer library added. The version itself is written once,
# in CMake's project(); python_test checks that this floor is not past it.
MIN_VERSION_NUMBER = 200


class bl_engine_options(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_size_t), ("grundlovsdag_off", ctypes.c_int),
                ("juleaftensdag_off", ctypes.c_int), ("nytaarsaftensdag_off", ctypes.c_int),
                ("reserved_0", ctypes.c_int), ("readings", ctypes.POINTER(ctypes.c_char_p))]


class bl_proposed_decision(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_size_t), ("at", ctypes.c_int64), ("kind", ctypes.c_char_p),
                ("body", ctypes.c_char_p), ("refs", ctypes.c_char_p),
                ("attributes", ctypes.POINTER(ctypes.c_char_p))]


class bl_proposed_event(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_size_t), ("element", ctypes.c_char_p), ("attributes", ctypes.POINTER(ctypes.c_char_p))]


class bl_finding_filter(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_size_t), ("statuses", ctypes.c_uint), ("rule_id", ctypes.c_char_p),
                ("order", ctypes.c_int)]


class bl_evaluate_options(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_size_t), ("planned", ctypes.c_int)]


class bl_input_problem(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_size_t), ("code", ctypes.c_char_p), ("message", ctypes.c_char_p),
                ("source", ctypes.c_char_p), ("line", ctypes.c_uint32), ("column", ctypes.c_uint32),
                ("element", ctypes.c_char_p), ("event_index", ctypes.c_int64), ("id", ctypes.c_char_p),
                ("attribute", ctypes.c_char_p)]


def _candidates():
    env = os.environ.get("BARNETSLOV_LIBRARY")
    if env:
        return [env]
    here = Path(__file__).resolve().parent
    return [str(p) for p in (here / "libbarnetslov.so.1", here / "libbarnetslov.so") if p.exists()] + ["libbarnetslov.so.1"]


def _load():
    tried = []
    for name in _candidates():
        try:
            return ctypes.CDLL(name)
        except OSError as e:
            tried.append(f"{name}: {e}")
    raise ImportError("barnetslov: cannot load the C library (set BARNETSLOV_LIBRARY to the path of "
                      "libbarnetslov.so.1); tried " + "; ".join(tried))


lib = _load()

_P = ctypes.c_void_p
_PP = ctypes.POINTER(ctypes.c_void_p)
_S = ctypes.c_char_p
_I = ctypes.c_int
_Z = ctypes.c_size_t
_I64 = ctypes.c_int64
_U32 = ctypes.c_uint32
_PI64 = ctypes.POINTER(_I64)

# name: (return type, argument types); every bl_status is a c_int.
_SIGNATURES = {
    "bl_version": (_S, []), "bl_version_number": (_I, []), "bl_case_format": (_S, []),
    "bl_status_name": (_S, [_I]), "bl_last_error_message": (_S, []), "bl_last_error_code": (_I, []),
    "bl_engine_options_init": (_I, [ctypes.POINTER(bl_engine_options)]),
    "bl_engine_new": (_I, [_PP, ctypes.POINTER(bl_engine_options)]), "bl_engine_free": (None, [_P]),
    "bl_engine_rule_count": (_Z, [_P]), "bl_engine_reading_count": (_Z, [_P]),
    "bl_engine_reading": (_I, [ctypes.POINTER(_S), ctypes.POINTER(_S), ctypes.POINTER(_S), _P, _Z]),
    "bl_case_load_file": (_I, [_PP, _P, _S]), "bl_case_load_buffer": (_I, [_PP, _P, _S, _Z, _S]),
    "bl_case_free": (None, [_P]), "bl_case_id": (_S, [_P]), "bl_case_event_count": (_Z, [_P]),
    "bl_builder_new": (_I, [_PP, _P, _S]), "bl_builder_free": (None, [_P]),
    "bl_builder_case_attribute": (_I, [_P, _S, _S]), "bl_builder_begin_child": (_I, [_P]),
    "bl_builder_child_attribute": (_I, [_P, _S, _S]), "bl_builder_begin_person": (_I, [_P, _S]),
    "bl_builder_person_attribute": (_I, [_P, _S, _S]), "bl_builder_begin_event": (_I, [_P, _S]),
    "bl_builder_event_attribute": (_I, [_P, _S, _S]), "bl_builder_finish": (_I, [_PP, _P]),
    "bl_evaluate": (_I, [_PP, _P, _P, _I64]), "bl_report_free": (None, [_P]), "bl_report_count": (_Z, [_P]),
    "bl_report_has_problems": (_I, [_P]), "bl_report_as_of": (_I64, [_P]),
    "bl_report_to_json": (_I, [ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(_Z), _P]),
    "bl_string_free": (None, [_P]), "bl_report_finding": (_I, [_PP, _P, _Z]),
    "bl_finding_rule_id": (_S, [_P]), "bl_finding_status_name": (_S, [_P]), "bl_finding_severity": (_S, [_P]),
    "bl_finding_section": (_S, [_P]), "bl_finding_subject_id": (_S, [_P]), "bl_finding_subject_line": (_U32, [_P]),
    "bl_finding_reason": (_S, [_P]), "bl_finding_basis": (_S, [_P]),
    "bl_finding_due": (_I, [_P, _PI64]),
    "bl_finding_margin": (_I, [_P, _PI64, ctypes.POINTER(_I)]),
    "bl_finding_text": (_I, [ctypes.POINTER(_S), _P, _I, _I]),
    "bl_finding_event_count": (_Z, [_P]),
    "bl_finding_event": (_I, [ctypes.POINTER(_S), ctypes.POINTER(_S), ctypes.POINTER(_I), ctypes.POINTER(_U32), _P, _Z]),
    "bl_event_role_name": (_S, [_I]),
    "bl_finding_filter_init": (_I, [ctypes.POINTER(bl_finding_filter)]),
    "bl_report_findings": (_I, [_PP, _P, ctypes.POINTER(bl_finding_filter)]), "bl_report_pending": (_I, [_PP, _P]),
    "bl_finding_iter_next": (_I, [_PP, _P]), "bl_finding_iter_count": (_Z, [_P]), "bl_finding_iter_free": (None, [_P]),
    "bl_proposed_decision_init": (_I, [ctypes.POINTER(bl_proposed_decision)]),
    "bl_precheck_decision": (_I, [_PP, _P, _P, ctypes.POINTER(bl_proposed_decision), _I64]),
    "bl_proposed_event_init": (_I, [ctypes.POINTER(bl_proposed_event)]),
    "bl_precheck_event": (_I, [_PP, _P, _P, ctypes.POINTER(bl_proposed_event), _I64]),
    "bl_precheck_findings": (_I, [_PP, _P, ctypes.c_int]), "bl_finding_phase": (ctypes.c_int, [_P]),
    "bl_finding_confidence": (_S, [_P]), "bl_report_deadlines_ahead": (_I, [_PP, _P]), "bl_report_open_duties": (_I, [_PP, _P]),
    "bl_last_error_problem_count": (_Z, []), "bl_last_error_problem": (_I, [ctypes.POINTER(bl_input_problem), _Z]),
    "bl_case_load_json_file": (_I, [_PP, _P, _S]), "bl_case_load_json_buffer": (_I, [_PP, _P, _S, _Z, _S]),
    "bl_format_document": (_I, [ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(_Z), _I]),
    "bl_evaluate_options_init": (_I, [ctypes.POINTER(bl_evaluate_options)]),
    "bl_evaluate_with": (_I, [_PP, _P, _P, _I64, ctypes.POINTER(bl_evaluate_options)]),
    "bl_finding_planned": (_I, [_P]), "bl_report_events_after_as_of": (_Z, [_P]),
    "bl_report_event_after_as_of": (_I, [ctypes.POINTER(_S), ctypes.POINTER(_S), _PI64, ctypes.POINTER(_U32), _P, _Z]),
    "bl_time_parse": (_I, [_PI64, _P, _S]), "bl_time_from_local": (_I, [_PI64, _P, _I, _I, _I, _I, _I, _I]),
}

for _name, (_restype, _argtypes) in _SIGNATURES.items():
    _f = getattr(lib, _name, None)
    if _f is not None:
        _f.restype = _restype
        _f.argtypes = _argtypes

# A library older than the binding lacks some functions: say which, rather than fail with an
# AttributeError at the first call.
_missing = [name for name in _SIGNATURES if not hasattr(lib, name)]
if _missing or lib.bl_version_number() < MIN_VERSION_NUMBER:
    raise ImportError(f"barnetslov: the C library is version {lib.bl_version().decode()}, older than this package needs"
                      + (f" (it lacks {', '.join(_missing)})" if _missing else ""))
