"""The newsroom's formats: pure conversions in and out of Claimdesk's own documents.

Nothing here imports Flask or pymongo: each module turns a document of one format into
plain article/claim fields, or plain fields into a format, and raises ``InvalidDocument``
naming the fields it cannot read.
"""
