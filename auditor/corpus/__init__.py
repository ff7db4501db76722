"""Checking a corpus: many files, in parallel, cached, streamed.

`discover` (which files) -> `engines` (in process, a process pool, or Dask
through `dask_engine`; batches of files run `work`, which reads the
`cache`) -> `run` (the command line: the baseline, `totals`, `progress`) ->
`writers` (one per format, through `output`).
"""
