"""Idempotency-Key: a retried POST replays the first answer instead of acting twice."""
