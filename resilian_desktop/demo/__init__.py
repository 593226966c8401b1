"""A fictional but realistic demo network, generated fast into an empty database.

``generate_demo(db, scale=N)`` writes N copies of an industrial network of
Alsace du Nord: about thirty companies with their staff, the partners
(funders, local authorities, the agency, a training body, the chamber of
commerce) with theirs, three years of meetings with attendance, six taskforces
with their roadmaps. Everything is fictional: companies, people, SIRETs (valid
checksums, derived from a counter so they never collide), e-mail addresses and
websites (under the reserved ``.example`` domain, so that no message written
from the demo can reach a real inbox). Only the public partners carry real
names (Région Grand Est, the Haguenau agglomeration, the chamber of commerce).

Every copy has the same structure (the same number of organisations, people,
meetings, taskforces and roadmap actions); names, dates within a month,
attendance and statuses vary. Copy 1 uses hand-written company names (with
accents, apostrophes and ligatures); further copies combine sector words and
local names, and their partners carry a network number ("— réseau 2").

Speed: rows are built as plain dicts with primary keys counted here, and
written in batches with executemany on the engine's sqlite3 connection, in
one transaction; no ORM object is created (see rows.RowBuffer), and the sort keys
and search index entries are derived while the rows are buffered. At large
scales the rows are generated in a second process while this one writes
(see loading._load_from_worker).

The package: ``data/`` holds the name lists and templates (JSON) that
``catalogue`` reads; ``generator`` runs the parts (``organisations``,
``contacts``, ``taskforces``, ``planner``, ``guests``, ``meetings``) over one
shared ``draw.Draw``; ``rows`` buffers their rows; ``loading`` writes them.
"""

from resilian_desktop.demo.loading import (
    MAX_SCALE,
    WORKER_MIN_SCALE,
    DemoRefused,
    DemoSummary,
    generate_demo,
)

__all__ = ["MAX_SCALE", "WORKER_MIN_SCALE", "DemoRefused", "DemoSummary", "generate_demo"]
