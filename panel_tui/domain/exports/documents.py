"""The Markdown and HTML summaries, laid out by jinja2 templates in ``templates/``.

Both templates render the same :class:`~panel_tui.domain.summary.Summary` as
the summary screen, so they hold the same content in the same words. Every
value from the session is escaped on the way out, by the environment rather
than by each template line, so a template cannot forget: HTML with
``autoescape=True``; Markdown through ``finalize``, which escapes every
``{{ value }}`` with :func:`markdown_escape`.
"""

from __future__ import annotations

import re

from jinja2 import Environment, PackageLoader, StrictUndefined

# The module rather than its names: the summary reads exports' own modules, so
# whichever package is imported first, this binding never needs a half-made one.
from panel_tui.domain import summary
from panel_tui.domain.exports.options import ExportOptions
from panel_tui.domain.models import Session

#: What Markdown (CommonMark and GitHub's tables) could read as markup: these
#: characters anywhere; ``<`` where a tag could begin, or a link (any ``<``
#: closed by a ``>`` with no space between: ``<1x@y.z>`` is an email link, found
#: by a review); ``&`` where an entity could; ``>`` only where a quote could (the
#: start). The rest stays as typed, for the file is read as plain text too
#: ("Warm & specific <3").
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#~]|<(?=[A-Za-z/!?]|[^\s<>]*>)|&(?=[A-Za-z#])|^>)")


def markdown_escape(value: object) -> str:
    """A value as literal Markdown text that is safe inside a table cell.

    Markup characters get a backslash (``|`` becomes ``\\|``, so a cell never
    splits), and a line break becomes ``<br>`` so a row never breaks.
    ``None`` is an empty string.
    """
    if value is None:
        return ""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


def _environment(**kwargs: object) -> Environment:
    environment = Environment(
        loader=PackageLoader("panel_tui.domain.exports", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        **kwargs,  # type: ignore[arg-type]
    )
    return environment


HTML = _environment(autoescape=True)
MARKDOWN = _environment(autoescape=False, finalize=markdown_escape)


def markdown_summary(session: Session, options: ExportOptions) -> str:
    """The panel summary as Markdown: its facts as lists, its figures as tables."""
    report = summary.build_summary(session, options)
    return MARKDOWN.get_template("summary.md.j2").render(report=report)


def html_summary(session: Session, options: ExportOptions) -> str:
    """The panel summary as one self-contained HTML file, ready to print on A4."""
    report = summary.build_summary(session, options)
    return HTML.get_template("summary.html.j2").render(report=report)
