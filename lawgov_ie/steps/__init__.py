"""The pipeline's steps, one folder each: ``component.py`` (the spaCy factory, a thin shell),
``reader.py`` (the pure rules, testable without spaCy) and one ``<file>_patterns.py`` per pattern
file the step reads (the pydantic models of its lines).

The order of the components is :data:`lawgov_ie.pipeline.PIPELINE`.
"""
