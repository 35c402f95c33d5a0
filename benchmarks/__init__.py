"""Benchmark harness for Porto: corpus generator, statistics and build runner.

Run ``python -m benchmarks.run --help`` from the repository root; see
``benchmarks/README.md``.
"""
