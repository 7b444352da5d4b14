"""The desk: web pages where editors review claims, as a client of the public API."""
