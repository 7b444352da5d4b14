"""The newsroom: every operation that touches more than one collection.

Repositories each keep to their own collection; ingest, cascading deletes, claim counters
and list filters that name another resource live here.
"""
