"""Reading saved page dumps, their sidecars and photos into article records."""
