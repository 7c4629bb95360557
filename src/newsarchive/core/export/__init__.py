"""Export of result lists, one module per format."""
