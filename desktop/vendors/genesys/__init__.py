"""Genesys Web Services 8.5: REST with Basic auth + CometD/Bayeux push."""
