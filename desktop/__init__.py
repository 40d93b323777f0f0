"""CTI Desk: one desktop for the contact-center platforms a company already runs."""

__version__ = "0.1.0"
