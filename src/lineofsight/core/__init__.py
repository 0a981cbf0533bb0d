"""What every app shares and nothing domain-specific: the lowest layer of the project.

Pure helpers only (no models, no views): text normalising and GOV.UK form styling. Any app
may import from here; ``core`` imports from no app (docs/architecture.md, the layers).
"""
