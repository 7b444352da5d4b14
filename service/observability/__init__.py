"""Request logs, request ids and Prometheus metrics."""
