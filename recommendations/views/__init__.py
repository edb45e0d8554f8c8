"""Recommendation pages: `pages` for reading (tracker, exports, detail, timeline, "You said,
we did"), `steps` for the lifecycle and the action plan (each calls one service)."""
