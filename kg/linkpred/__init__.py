"""linkpred stage."""
