"""Renderers: the Result as JSON, as machine-readable exports, and for people."""
