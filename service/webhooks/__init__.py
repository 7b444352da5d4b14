"""Webhooks: subscriptions, an outbox of signed deliveries, and the dispatcher that sends them."""
