"""From reports to a dataset: the headline rule, the panel, the documents and records tables.

:mod:`~lawgov_ie.dataset.headline` and :mod:`~lawgov_ie.dataset.tables` are pure Python;
:mod:`~lawgov_ie.dataset.panel` needs pandas (``pip install 'lawgov-ie[data]'``).
"""
