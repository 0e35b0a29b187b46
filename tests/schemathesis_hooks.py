"""Schemathesis hooks for tests/schemathesis.toml (issue 26).

Spin's HTTP trigger (4.0.2, crates/trigger-http/src/headers.rs, `prepare_request_headers`)
turns every request header into a Rust `String` before the component runs and answers 500
with an empty body ("Error processing request: invalid utf-8 sequence") when a value is
not UTF-8: our code never sees such a request, so no document or app change can answer
it otherwise. Schemathesis's coverage phase draws its header values that break a
`pattern` from all of Latin-1 (ignoring `generation.codec` and
`exclude-header-characters`, which only its fuzzing phase reads), and `requests` sends
them one byte a character, so `×` goes out as the lone byte 0xD7. Such a value is sent
as UTF-8 instead: the same characters, bytes Spin passes on, so the case still reaches
the app and the app must still refuse it.
"""

import schemathesis


def _utf8_on_the_wire(value):
    # `requests` writes a header's text as Latin-1: text whose Latin-1 bytes are not UTF-8
    # becomes the text whose Latin-1 bytes are its UTF-8 encoding.
    if not isinstance(value, str):
        return value
    try:
        value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value.encode("utf-8").decode("latin-1")
    return value


@schemathesis.hook
def map_case(context, case):
    if case.headers:
        for name, value in list(case.headers.items()):
            case.headers[name] = _utf8_on_the_wire(value)
    return case
