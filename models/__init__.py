"""Trained matching artefacts (``match.joblib``) and the command that builds them (``python -m models.build``)."""
