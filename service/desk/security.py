"""Security headers of the desk's pages, assets and chart."""

# No inline script or style anywhere: scripts and the stylesheet are files served here;
# colours are set through the CSSOM, which a CSP does not restrict.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def add_security_headers(response):
    """Add the desk's security headers to a response."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response
