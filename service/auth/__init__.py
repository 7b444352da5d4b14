"""API keys with roles: who may read, write and administer."""
