"""Side colours for displays: a fallback palette and readable text on each (WCAG 2)."""

# Side colours when a side has none (auto sides); static/desk/desk.js picks the same way.
PALETTE = (
    "#1b6ca8",
    "#b5452b",
    "#2e7d32",
    "#7b3fa0",
    "#a86a00",
    "#00796b",
    "#ad1457",
    "#5d4037",
)
# Unattributed claims: a neutral grey with 4.5:1 against white.
NEUTRAL = "#767676"
BLACK, WHITE = "#000000", "#ffffff"


def side_colour(side_id: str | None, colour: str | None) -> str:
    """A side's own colour, else one from the palette picked by its id; grey for none."""
    if side_id is None:
        return NEUTRAL
    if colour:
        return colour.lower()
    return PALETTE[int(side_id[-6:], 16) % len(PALETTE)]


def _channel(value: int) -> float:
    """sRGB channel to linear light."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of a #rrggbb colour."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    return (
        BLACK if contrast_ratio(background, BLACK) >= contrast_ratio(background, WHITE) else WHITE
    )
