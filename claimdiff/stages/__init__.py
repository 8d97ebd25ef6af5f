"""The pipeline, one package per stage, each importing only the stages before it and the models:

    load → segment → extract (figures, attributions) → align → compare → render

The public API (``claimdiff.compare``, ``extract``, ``check``, ``read_text``) runs
them in order; see ``claimdiff.api``.
"""
