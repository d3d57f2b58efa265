"""Builders that turn the app's records into documents for the documents engine."""
