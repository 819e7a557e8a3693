"""syndtrace: trace news syndication.

Library first: every stage is a module and data flows one way::

    load -> normalize -> shingle -> sketch/index -> align -> attribute -> trace -> render

The two entry points a caller needs are :func:`syndtrace.pipeline.compare`
and :func:`syndtrace.scan.scan`.
"""

__version__ = "0.1.0"
SCHEMA_VERSION = 2
