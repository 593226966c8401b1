"""Every document that leaves the application, one package per document.

Each package has a model (plain frozen data), a builder (build.py) that reads
the database through the services and offers the entry point the window, the
command line and the self-test call, and writers (xlsx.py, pdf.py) that see
only the model. Shared beside them: the letterhead (programme, funders, logos,
mention), the plain lines several documents print, text escaping, atomic file
writing, progress, and the PDF and workbook layout parts.

Import contracts (pyproject.toml, `lint-imports`) keep the writers away from
the database and the services away from this package.
"""
