"""Output formats, one module each; each registers its writer with
:func:`lawgov_ie.io.writers.register` and is imported by :mod:`lawgov_ie.io.writers`."""
