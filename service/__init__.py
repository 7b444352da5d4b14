"""Claimdesk: who claimed what, in which article, for which side of a story."""


def __getattr__(name: str):
    """``service.create_app``, imported on first use so ``service.extraction`` stays Flask-free."""
    if name == "create_app":
        from service.app import create_app

        return create_app
    raise AttributeError(name)
