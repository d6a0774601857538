"""Latent Programmer training, export and evaluation for docsynth."""
