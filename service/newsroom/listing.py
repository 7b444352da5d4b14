"""List pages whose filters name another resource (a side by id or slug)."""

from bson import ObjectId

from service.claims.repository import UNATTRIBUTED
from service.newsroom.desk import Desk


class Listing(Desk):
    """Pages of articles and claims, with side filters resolved to ids."""

    def article_page(self, args: dict) -> tuple[list[dict], int]:
        """One page of articles matching ``args`` and the total."""
        side_ids = self.sides.resolve(args["side"]) if args.get("side") else None
        query = self.articles.query(args, side_ids)
        return self.articles.find_page(query, args["sort"], args["page"], args["per_page"])

    def claim_page(self, args: dict, **fixed) -> tuple[list[dict], int]:
        """One page of claims matching the filters in ``args`` plus ``fixed`` ones."""
        side_ids = self._claim_sides(args.get("side"))
        if "side_id" in fixed:
            side_ids = (
                [fixed["side_id"]] if side_ids is None or fixed["side_id"] in side_ids else []
            )
        if "article_id" in fixed:
            wanted = args.get("article_id")
            args["article_id"] = (
                [] if wanted and fixed["article_id"] not in wanted else [fixed["article_id"]]
            )
        query = self.claims.query(args, side_ids)
        return self.claims.find_page(query, args["sort"], args["page"], args["per_page"])

    def _claim_sides(self, values: list[str] | None) -> list[ObjectId | None] | None:
        """The side ids a ``side`` filter names; None (no side) for ``none``."""
        if not values:
            return None
        named = [v for v in values if v != UNATTRIBUTED]
        side_ids: list[ObjectId | None] = list(self.sides.resolve(named)) if named else []
        if UNATTRIBUTED in values:
            side_ids.append(None)
        return side_ids

    def article_claims(self, args: dict, article_id: ObjectId) -> tuple[list[dict], int]:
        """A page of an article's claims (NotFound without the article)."""
        self.articles.get(article_id)
        return self.claim_page(args, article_id=article_id)

    def side_claims(self, args: dict, side_id: ObjectId) -> tuple[list[dict], int]:
        """A page of a side's claims (NotFound without the side)."""
        self.sides.get(side_id)
        return self.claim_page(args, side_id=side_id)
