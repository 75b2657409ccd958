"""Tabular outputs: records -> pandas DataFrames -> CSV / Excel / Parquet files."""
