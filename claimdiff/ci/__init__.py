"""claimdiff in CI: checking drafts against sources, baselines, configuration, evaluation.

- ``check``: the findings about one draft (draft × sources alignment);
- ``run``: a whole check run: drafts, sources and baseline resolved;
- ``baseline``: accepted findings;
- ``config``: ``claimdiff.toml`` / ``[tool.claimdiff]`` onto ``Settings``;
- ``evaluate``: ``claimdiff eval`` against annotated events.
"""
