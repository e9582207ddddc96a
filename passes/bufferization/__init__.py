"""Bufferization: one-shot bufferization (the analysis, the rewrite and one
model file per dialect, as upstream's BufferizableOpInterface external models)
and the buffer passes that work on its output (deallocation, hoisting,
results to out-params)."""
