"""The share-of-voice chart: an article's balance laid out as bars of an SVG."""

from service.desk.colours import side_colour

WIDTH = 640
LABEL_WIDTH = 170
BAR_WIDTH = 300
ROW_HEIGHT = 44
TOP = 8


def percent(share: float) -> str:
    """A share as a whole percentage."""
    return f"{round(share * 100)}%"


def share_chart(balance: dict, colours: dict) -> dict:
    """Rows with geometry and labels for each side of ``balance``; ``colours`` by side id."""
    rows = []
    for index, row in enumerate(balance["sides"]):
        side_id = str(row["side_id"]) if row["side_id"] is not None else None
        claims = f"{row['claims']} claim{'s' if row['claims'] != 1 else ''}"
        rows.append(
            {
                "name": row["side_name"] if side_id else "Unattributed",
                "colour": side_colour(side_id, colours.get(side_id)),
                "y": TOP + index * ROW_HEIGHT,
                "claim_width": round(BAR_WIDTH * row["claim_share"], 1),
                "word_width": round(BAR_WIDTH * row["word_share"], 1),
                "label": f"{claims} ({percent(row['claim_share'])}), "
                f"{row['words']} words ({percent(row['word_share'])})",
                "side_id": side_id or "none",
            }
        )
    summary = "; ".join(f"{r['name']}: {r['label']}" for r in rows) or "No claims yet"
    return {
        "rows": rows,
        "summary": summary,
        "width": WIDTH,
        "height": TOP * 2 + max(len(rows), 1) * ROW_HEIGHT,
        "label_width": LABEL_WIDTH,
        "bar_width": BAR_WIDTH,
    }
