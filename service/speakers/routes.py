"""Speaker endpoints and merges (a speaker's claims are served with the claims)."""

from flask import url_for
from flask.views import MethodView

from service.http.api import Blueprint
from service.http.conditional import write_at_version
from service.http.identity import current_actor
from service.http.listing import paged
from service.newsroom.context import current_listing, current_speaker_desk
from service.speakers.schemas import (
    MergeSchema,
    SpeakerCreateSchema,
    SpeakerDeleteQuerySchema,
    SpeakerPageSchema,
    SpeakerQuerySchema,
    SpeakerSchema,
    SpeakerUpdateSchema,
)

blp = Blueprint(
    "speakers", __name__, url_prefix="/api/v1", description="Speakers: who said what, over time"
)


@blp.route("/speakers")
class Speakers(MethodView):
    """The speaker collection."""

    @blp.arguments(SpeakerQuerySchema, location="query")
    @blp.response(200, SpeakerPageSchema)
    def get(self, args):
        """List speakers."""
        items, total = current_listing().speaker_page(args)
        return paged(items, total, args["page"], args["per_page"])

    @blp.etag
    @blp.arguments(SpeakerCreateSchema)
    @blp.response(201, SpeakerSchema)
    def post(self, data):
        """Create a speaker."""
        speaker = current_speaker_desk().create_speaker(data, current_actor())
        return speaker, 201, {"Location": url_for("speakers.Speaker", speaker_id=speaker["_id"])}


@blp.route("/speakers/<objectid:speaker_id>")
@blp.etag
class Speaker(MethodView):
    """One speaker."""

    @blp.response(200, SpeakerSchema)
    def get(self, speaker_id):
        """Get a speaker."""
        return current_speaker_desk().speakers.get(speaker_id)

    @blp.arguments(SpeakerUpdateSchema)
    @blp.response(200, SpeakerSchema)
    def patch(self, changes, speaker_id):
        """Change a speaker (merge patch; memberships are replaced as a whole)."""
        desk = current_speaker_desk()
        return write_at_version(
            blp,
            lambda: desk.speakers.get(speaker_id),
            SpeakerSchema,
            lambda s: desk.update_speaker(s, changes, current_actor()),
        )

    @blp.arguments(SpeakerDeleteQuerySchema, location="query")
    @blp.response(204)
    def delete(self, args, speaker_id):
        """Delete a speaker (409 while claims name it, unless ?force=true)."""
        desk = current_speaker_desk()
        write_at_version(
            blp,
            lambda: desk.speakers.get(speaker_id),
            SpeakerSchema,
            lambda s: desk.delete_speaker(s, args["force"]),
        )


@blp.route("/speakers/<objectid:speaker_id>/merge", methods=["POST"])
@blp.arguments(MergeSchema)
@blp.response(200, SpeakerSchema)
def merge_speaker(data, speaker_id):
    """Merge another speaker into this one: its claims, names and memberships move here."""
    return current_speaker_desk().merge(speaker_id, data["other_id"], current_actor())
