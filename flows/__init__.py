"""Prefect flows of ldn-review (installed as the package ``ldn_review_flows``)."""
