"""Pausing Python's cyclic garbage collector around a bulk step, in plain
Python (nothing from Odoo).

A period close builds some 30,000 short-lived containers, none of them in a
reference cycle: reference counting frees them all when the close is done.
While they live, every few hundred of them set the collector off to walk
them, and every few closes it walks every object of the process as well (a
full collection, some 100 ms in a worker), finding nothing to free. Odoo
19.0 pauses it the same way while it loads a registry
(``odoo.tools.gc.disabling_gc``, which this one is not: that one leaves the
collector off when the block raises).
"""

import gc
from contextlib import contextmanager


@contextmanager
def collector_paused():
    """The cyclic garbage collector paused inside the block (left as it is
    when something outside paused it already), resumed however the block
    ends. Objects freed inside the block by reference counting are freed
    as always; only the search for cycles waits."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
